"""Responsible bodies: every organisation a plan assigns a task to, as lead or coordinator.

A body is found in a *slot*, a place where the grammar of a plan puts an organisation
in charge (``slots.SLOTS``):

* the addressee of an item of Tổ chức thực hiện ("1. Sở Lao động - Thương binh và Xã hội",
  "2. Đề nghị các sở, ban, ngành liên quan ...", "1. Cấp tỉnh:" = the issuing body) - lead;
* the subject of a task clause ("Nhà Thiếu nhi tỉnh chủ động tổ chức ...") - lead;
* the object of a directive ("Giao X tham mưu", "chỉ đạo X thực hiện", "Đề nghị X ...") - lead;
* "trách nhiệm ... của X" - lead;  "phối hợp (với) X" - coordinate;
* a role label ("Đơn vị thực hiện: X", "Cơ quan phối hợp: X") - the role it names.

No slot is read in a section on how things stand ("ĐẶC ĐIỂM TÌNH HÌNH"), and a subject whose verb
states or relays ("nhấn mạnh", "truyền đạt ý kiến", "yêu cầu Y") is charged with nothing.

At a slot a list of body names is parsed token by token (``parse_list``): a unit noun
from the gazetteer (``data/bodies.json``: Sở, Phòng, Ủy ban nhân dân, Trung tâm ...),
then name words up to a boundary - a task verb, a preposition, a bracket, or a comma
or "và" that does not continue the name ("Lao động, Thương binh, Xã hội" continues;
", Phòng ..." starts the next body). Generic mentions ("các sở, ban, ngành liên quan",
"các cơ quan có liên quan") count only as addressees of a Tổ chức thực hiện item.
Names are canonicalised with ``extractor.names`` plus the abbreviations the plan
defines itself (``find_defined_abbreviations``), and mentions are merged by a folded key.

Tokens and gazetteer labels come from ``tokens.Tokens``, and the end of a lowercase name
is found by the lexicon of task verbs. Two other engines were measured on the five seed
plans against gold (canonical-name match) and set aside:

    engine / end of name     precision  recall  role accuracy   time per plan
    regex  / lexicon           1.00      1.00       1.00          ~2.5 ms
    spacy  / lexicon           1.00      1.00       1.00          ~15 ms
    regex  / underthesea       0.69      0.73       1.00         ~200 ms
    regex  / both              0.74      0.76       1.00         ~200 ms

spaCy's tokenizer with a PhraseMatcher over the gazetteer labelled exactly the phrases the
regex tokens do, so it added no body (same output on the seeds and the constructed variants)
at six times the cost; underthesea tags name words as verbs ("Đào *tạo*", "*bảo vệ* trẻ
em", "*hoạt động* thanh thiếu niên") and cuts names short. So both were removed.

The package, top to bottom: ``lexicon`` (the gazetteer as word-tuple sets), ``tokens`` (tokens
with gazetteer labels), ``mentions`` (the name parser), ``slots`` (where names are looked for),
``abbreviations`` (those the plan defines), ``naming`` (canonical names, merge keys, levels) and
``finder`` (the slots run over a document, mentions merged into ``Body`` records with their
tasks; ``find_bodies`` gives a ``BodyFinding`` that the deadlines step reads).
"""

from .abbreviations import find_defined_abbreviations
from .finder import BodyFinding, TableTask, extract_bodies, find_bodies
from .lexicon import Lexicon, gazetteer
from .mentions import Mention, parse_list, parse_mention
from .naming import body_key, body_level, canonical
from .tokens import Tokens

__all__ = [
    "BodyFinding",
    "Lexicon",
    "Mention",
    "TableTask",
    "Tokens",
    "body_key",
    "body_level",
    "canonical",
    "extract_bodies",
    "find_bodies",
    "find_defined_abbreviations",
    "gazetteer",
    "parse_list",
    "parse_mention",
]
