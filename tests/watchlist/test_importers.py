"""Importers on the real OFAC and UN files, on an OpenSanctions fixture, and on malformed records."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from redline.errors import ConfigError
from redline.model import Entity
from redline.watchlist import load_files, write_native
from redline.watchlist.importers import ImportResult, import_ofac, import_opensanctions, import_un
from redline.watchlist.importers._common import flip_name, is_ambiguous

DATA = Path(__file__).parent / "data"
OFAC_ROW = ('10481,"SOLEIMANI, Qasem","individual","SDGT] [IRGC",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
            '"DOB 1957; a.k.a. \'SULEIMANI, Qassem\'; a.k.a. \'HAJ QASEM\'."\r\n')


@pytest.fixture(scope="module")
def ofac_sdgt(shared_dir: Path) -> dict[str, Entity]:
    return {e.id: e for e in import_ofac(shared_dir / "data/lists/ofac/sdn.csv", ["SDGT"]).entities}


def test_ofac_program_filter_keeps_the_general_drops_the_homonym(ofac_sdgt: dict[str, Entity]) -> None:
    assert ofac_sdgt["ofac_10481"].name == "Qasem Soleimani"
    assert ofac_sdgt["ofac_10481"].tier == 1
    assert "ofac_21806" not in ofac_sdgt  # SOLEIMANI, Sohrab: IRAN-HR only
    assert all(any(d.program == "SDGT" for d in e.designations) for e in ofac_sdgt.values())


def test_ofac_full_file_names_aliases_and_skips(shared_dir: Path) -> None:
    started = time.perf_counter()
    result = import_ofac(shared_dir / "data/lists/ofac/sdn.csv", [])
    assert time.perf_counter() - started < 5  # well under in practice (~0.2 s)
    by_id = {e.id: e for e in result.entities}
    assert result.records == 14965 and result.skipped_kind > 0 and result.filtered == 0
    assert by_id["ofac_21806"].name == "Sohrab Soleimani" and by_id["ofac_21806"].tier == 3
    muhandis = by_id["ofac_11461"]
    assert muhandis.name == "Abu Mahdi al-Muhandis"
    assert "Jamal Jaafar Mohammed" in [a.name for a in muhandis.aliases]
    hizballah = {a.name: a.ambiguous for a in by_id["ofac_4697"].aliases}
    assert hizballah["LH"] is True and hizballah["EXTERNAL SECURITY ORGANIZATION"] is False
    assert not any(e.name.startswith("\x1a") for e in result.entities)


def test_ofac_several_programs(shared_dir: Path) -> None:
    both = import_ofac(shared_dir / "data/lists/ofac/sdn.csv", ["FTO", "IRAN-HR"]).entities
    ids = {e.id for e in both}
    assert {"ofac_4695", "ofac_21806"} <= ids and "ofac_10481" not in ids


def test_ofac_imported_file_loads_back(tmp_path: Path, ofac_sdgt: dict[str, Entity]) -> None:
    out = tmp_path / "ofac.yaml"
    write_native(out, ofac_sdgt.values())
    assert len(load_files([out])) == len(ofac_sdgt)


@pytest.mark.parametrize(("row", "message"), [
    ('10481,"SOLEIMANI, Qasem","individual","SDGT"\r\n', r"line 2 \(ent_num 10481\): expected 12 columns, found 4"),
    ('X1,"A",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n', r"line 2: ent_num 'X1' is not a number"),
    ('77,-0- ,-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n', r"line 2 \(ent_num 77\): empty SDN_Name"),
])
def test_ofac_malformed_record_names_it(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "sdn.csv"
    path.write_bytes((OFAC_ROW + row).encode("latin-1") + b"\x1a")
    with pytest.raises(ConfigError, match=rf"^{path}: {message}"):
        import_ofac(path, [])


def test_ofac_remarks_aliases_and_eof_byte(tmp_path: Path) -> None:
    path = tmp_path / "sdn.csv"
    path.write_bytes(OFAC_ROW.encode("latin-1") + b"\x1a")
    (entity,) = import_ofac(path, []).entities
    assert [(a.name, a.ambiguous) for a in entity.aliases] == [("Qassem Suleimani", False), ("Haj Qasem", False)]


@pytest.fixture(scope="module")
def un_all(shared_dir: Path) -> ImportResult:
    return import_un(shared_dir / "data/lists/un/consolidated.xml", [])


def test_un_individuals_entities_and_original_script(un_all: ImportResult) -> None:
    by_id = {e.id: e for e in un_all.entities}
    assert un_all.records == 1093 and len(by_id) == 1093
    khaliq = by_id["un_yei_001"]
    assert khaliq.name == "Abd al-Khaliq al-Houthi" and khaliq.designations[0].program == "Yemen"
    original = [a for a in khaliq.aliases if a.script == "Arab"]
    assert [(a.name, a.lang) for a in original] == [("عبدالخالق الحوثي", "ar")]
    assert {a.name: a.ambiguous for a in khaliq.aliases}["Abu-Yunus"] is True  # quality Low
    assert any(e.kind.value == "organization" for e in un_all.entities)


def test_un_list_type_filter(shared_dir: Path) -> None:
    result = import_un(shared_dir / "data/lists/un/consolidated.xml", ["Al-Qaida"])
    assert result.entities and all(e.designations[0].program == "Al-Qaida" and e.tier == 1 for e in result.entities)
    assert result.filtered == 1093 - len(result.entities)


@pytest.mark.parametrize(("xml", "message"), [
    ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><CONSOLIDATED_LIST/>', "refusing XML with a DOCTYPE"),
    ("<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>", r":1: not well-formed XML"),
    ("<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>42</DATAID><FIRST_NAME>A</FIRST_NAME>"
     "<UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>",
     r"INDIVIDUAL #1 \(DATAID 42\): missing REFERENCE_NUMBER"),
    ("<CONSOLIDATED_LIST><ENTITIES><ENTITY><DATAID>7</DATAID><REFERENCE_NUMBER>QDe.1</REFERENCE_NUMBER>"
     "<UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE></ENTITY></ENTITIES></CONSOLIDATED_LIST>",
     r"ENTITY #1 \(DATAID 7\): no name"),
])
def test_un_malformed_files_and_records(tmp_path: Path, xml: str, message: str) -> None:
    path = tmp_path / "un.xml"
    path.write_text(xml, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        import_un(path, [])


def test_opensanctions_fixture() -> None:
    result = import_opensanctions(DATA / "opensanctions.jsonl", [])
    by_id = {e.id: e for e in result.entities}
    assert set(by_id) == {"os_nk_test_soleimani", "os_nk_test_hamas", "os_nk_test_company", "os_q1234"}
    assert result.skipped_kind == 1  # the vessel; the Address is not a listable record at all
    soleimani = by_id["os_nk_test_soleimani"]
    assert soleimani.tier == 1 and soleimani.designations[0].program == "SDGT"
    assert soleimani.designations[0].date == "2011-10-11"
    assert {a.name: (a.lang, a.ambiguous) for a in soleimani.aliases}["قاسم سلیمانی"] == ("fa", False)
    assert {a.name: a.ambiguous for a in soleimani.aliases}["Soleimani"] is True
    assert by_id["os_nk_test_company"].tier == 3


@pytest.mark.parametrize(("programs", "expected"), [
    (["crime.terror"], {"os_nk_test_soleimani", "os_nk_test_hamas"}),
    (["SDGT"], {"os_nk_test_soleimani"}),
    (["IRAN-HR", "cuba"], {"os_q1234", "os_nk_test_company"}),
])
def test_opensanctions_program_filter(programs: list[str], expected: set[str]) -> None:
    assert {e.id for e in import_opensanctions(DATA / "opensanctions.jsonl", programs).entities} == expected


@pytest.mark.parametrize(("line", "message"), [
    ("{not json", r"line 2: invalid JSON"),
    ('{"id": "x1", "schema": "Person", "properties": {"name": []}}', r"line 2 \(id 'x1'\): properties.name is empty"),
    ('{"id": "x2", "schema": "Person", "properties": {"name": "Solo"}}', r"line 2 \(id 'x2'\): properties.name must"),
    ('{"schema": "Person", "properties": {"name": ["A B"]}}', r"line 2 \(id None\): missing 'id'"),
])
def test_opensanctions_malformed_record_names_it(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "os.jsonl"
    good = (DATA / "opensanctions.jsonl").read_text(encoding="utf-8").splitlines()[0]
    path.write_text(f"{good}\n{line}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"^{path}: {message}"):
        import_opensanctions(path, [])


@pytest.mark.parametrize(("raw", "flipped"), [
    ("SOLEIMANI, Qasem", "Qasem Soleimani"), ("AL-MUHANDIS, Abu Mahdi", "Abu Mahdi al-Muhandis"),
    ("KATA'IB HIZBALLAH", "Kata'ib Hizballah"), ("'ALI, Abu", "Abu 'Ali"), ("NO COMMA NAME", "No Comma Name"),
])
def test_flip_name(raw: str, flipped: str) -> None:
    assert flip_name(raw) == flipped


@pytest.mark.parametrize(("name", "ambiguous"), [
    ("Soleimani", True), ("LH", True), ("Abu Ibrahim", True), ("Abu Mahdi al-Muhandis", False),
    ("Qasem Soleimani", False), ("FRD", True),
])
def test_is_ambiguous(name: str, ambiguous: bool) -> None:
    assert is_ambiguous(name) is ambiguous
