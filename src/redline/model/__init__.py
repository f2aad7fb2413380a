"""The shared vocabulary every stage speaks: posts, entities, mentions, assessments, decisions."""

from redline.model._decision import Decision, Verdict
from redline.model._entity import Alias, Designation, Entity, EntityKind, Relation
from redline.model._judgement import VIOLATING_STANCES, Assessment, Cue, Stance
from redline.model._mention import Detector, Mention, Method
from redline.model._post import Media, Post

__all__ = [
    "VIOLATING_STANCES",
    "Alias",
    "Assessment",
    "Cue",
    "Decision",
    "Designation",
    "Detector",
    "Entity",
    "EntityKind",
    "Media",
    "Mention",
    "Method",
    "Post",
    "Relation",
    "Stance",
    "Verdict",
]
