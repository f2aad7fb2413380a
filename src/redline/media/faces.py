"""A gallery of reference faces of designated people, and matching faces in posts against it.

Only reference embeddings of designated people are stored. Faces found in users'
images are compared in memory and discarded: never stored, logged or returned
beyond the match result.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from redline.errors import DependencyError, InputError

# Calibrated on ../shared/data/media/faces (docs/media.md): same person 0.30-0.45,
# different people 0.6-0.95. dlib's own guidance is 0.6; 0.5 trades a little recall for precision.
DEFAULT_TOLERANCE = 0.5
_MAX_SIDE = 1024


def _fr() -> Any:
    try:
        import face_recognition
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise DependencyError("face matching needs face_recognition, dlib-bin and face_recognition_models "
                              "(pip install 'redline[faces]' && pip install --no-deps face_recognition)") from exc
    return face_recognition


def face_encodings(frame: Image.Image) -> list[np.ndarray]:
    """Return a 128-d embedding for every face found in an RGB frame."""
    fr = _fr()
    if max(frame.size) > _MAX_SIDE:
        frame = frame.copy()
        frame.thumbnail((_MAX_SIDE, _MAX_SIDE))
    arr = np.asarray(frame.convert("RGB"))
    locations = fr.face_locations(arr, model="hog")
    return list(fr.face_encodings(arr, known_face_locations=locations))


@dataclass(frozen=True)
class FaceMatch:
    """A face in a post that matches a designated person's reference face."""

    entity_id: str
    distance: float


class Gallery:
    """Reference embeddings per designated entity, kept in one JSON file."""

    def __init__(self, path: Path, tolerance: float = DEFAULT_TOLERANCE) -> None:
        self.path = path
        self.tolerance = tolerance
        raw = json.loads(path.read_text()) if path.exists() else {}
        self._refs: dict[str, list[list[float]]] = raw.get("references", {})
        self._ids: list[str] = [eid for eid, vs in self._refs.items() for _ in vs]
        self._matrix = np.array([v for vs in self._refs.values() for v in vs], dtype=np.float64).reshape(-1, 128)

    def __len__(self) -> int:
        return len(self._ids)

    def enroll(self, entity_id: str, frame: Image.Image, photo_name: str) -> int:
        """Add the single face of a reference photo; return how many references the entity now has."""
        faces = face_encodings(frame)
        if len(faces) != 1:
            raise InputError(f"{photo_name}: a reference photo must show exactly one face, found {len(faces)}")
        self._refs.setdefault(entity_id, []).append([float(x) for x in faces[0]])
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"version": 1, "references": self._refs}))
        tmp.replace(self.path)
        self.__init__(self.path, self.tolerance)  # type: ignore[misc]
        return len(self._refs[entity_id])

    def match(self, frame: Image.Image) -> list[FaceMatch]:
        """Return the designated people whose reference faces match a face in the frame (best per entity)."""
        if not self._ids:
            return []
        best: dict[str, float] = {}
        for enc in face_encodings(frame):
            dist = np.linalg.norm(self._matrix - enc, axis=1)
            for i in np.flatnonzero(dist <= self.tolerance):
                eid = self._ids[int(i)]
                best[eid] = min(best.get(eid, 9.0), float(dist[i]))
        return [FaceMatch(eid, d) for eid, d in sorted(best.items(), key=lambda kv: kv[1])]
