"""Text around an article that is not a claim: credits, prompts, navigation, bylines, headings, questions."""

from __future__ import annotations

import re

# Whole lines or sentences that belong to the page, not to the story.
BOILERPLATE = re.compile(
    r"^\W*(?:"
    r"(?:photo|image|picture|video|graphic|illustration|file\s+photo|credit|source|caption)s?\s*(?:credit)?\s*[:：]"
    r"|(?:sign\s+up|subscribe|register|join)\b.{0,80}\b(?:newsletter|updates|alerts|inbox|free|today|now|here)"
    r"|(?:get|receive)\s+(?:our|the)\b.{0,60}\b(?:newsletter|inbox|updates|alerts)"
    r"|(?:read|see|watch|listen)\s+(?:more|also|next|the\s+full|our)\b"
    r"|(?:related|recommended|more\s+from|trending|most\s+read|popular|latest|also\s+read|further\s+reading)"
    r"(?:\s+(?:stories|articles|coverage|news|posts|reading))?\s*[:：|]?\s*$"
    r"|(?:related|also\s+read|read\s+more|more\s+from|see\s+also)\s*[:：]"
    r"|(?:share|follow\s+us|follow|like\s+us|tweet|email|print|comment|comments|save|copy\s+link)"
    r"(?:\s+(?:this|on|us|article|story|via))*(?:\s+(?:facebook|twitter|x|linkedin|whatsapp|email|reddit|"
    r"telegram|instagram|youtube))*\s*[:：|]?\s*$"
    r"|(?:advertisement|sponsored(?:\s+content)?|ad|promoted|skip\s+to\s+\w+(?:\s+\w+)?|back\s+to\s+top|"
    r"cookie\s+(?:policy|settings)|privacy\s+policy|terms\s+of\s+(?:use|service)|all\s+rights\s+reserved)\W*$"
    r"|(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\))?\s*\d{4})"
    r"|(?:by|written\s+by|reporting\s+by|additional\s+reporting\s+by|editing\s+by|edited\s+by|compiled\s+by)"
    r"\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
    r"July|August|September|October|November|December|The|This|That|Then|Now|Late|Early|Mid)\b)"
    r"[A-Z][\w.'’-]*(?:\s+(?:and\s+)?[A-Z][\w.'’-]*){1,5}\s*(?:[;,|–—-]\s*[A-Z].{0,100})?$"
    r"|(?:published|updated|posted|last\s+updated|first\s+published)\b[^!?]{0,50}\d[^!?]{0,30}(?<![a-z]{3}\.)$"
    r"|(?:click|tap)\s+(?:here|to)\b"
    r"|(?:this\s+(?:article|story|content)\s+(?:was|is|has\s+been)\s+(?:originally\s+)?"
    r"(?:published|produced|written|generated|updated|translated|provided))"
    r"|(?:(?:please\s+)?enable\s+javascript|your\s+browser\s+(?:does\s+not|doesn't)|loading\s*\.\.\.)"
    r"|(?:we\s+use\s+cookies|by\s+(?:continuing|using)\s+(?:to\s+use\s+)?(?:this|our)\s+(?:site|website))"
    r"|(?:tags?|topics?|filed\s+under|categories)\s*[:：]"
    r"|(?:disclaimer|disclosure|editor'?s?\s+note|note\s+to\s+editors)\s*[:：]"
    r")",
    re.IGNORECASE,
)
# Placeholder sentences a page template leaves behind ("there is no content to display").
TEMPLATE_TEXT = re.compile(
    r"\b(?:no\s+(?:\w+\s+){0,2}(?:code|content|data|comments?|results?)\s+to\s+(?:display|show)|"
    r"javascript\s+is\s+(?:disabled|required)|embed(?:ded)?\s+(?:code|content)|"
    r"(?:this|the)\s+(?:video|content|embed)\s+(?:is\s+)?(?:not\s+available|unavailable|cannot\s+be\s+(?:displayed|"
    r"shown)))\b",
    re.IGNORECASE,
)
# Credits and prompts inside a paragraph: "(Photo: Jane Doe/AP)", "[Getty Images]".
INLINE_CREDIT = re.compile(
    r"[(\[]\s*(?:(?:photo|image|picture|file\s+photo|video|graphic|credit|source|pictured)s?\b[^()\[\]]{0,120}|"
    r"[^()\[\]]{0,60}\b(?:getty\s+images|shutterstock|afp\s+via\s+getty|reuters/|ap\s+photo|/ap\b|"
    r"/reuters\b|/afp\b|file\s+photo)[^()\[\]]{0,60})[)\]]",
    re.IGNORECASE,
)
MAX_FURNITURE_CHARS = 220      # page furniture is short; a long line is a story paragraph
_RIGHTS = re.compile(r"all\s+rights\s+reserved\W*$", re.IGNORECASE)
_LIST_ITEM = re.compile(r"^\s*(?:[-•*–—·▪●]|\d{1,2}[.)])\s+\S")
# "REUTERS/Jane Doe/File Photo", "AP Photo/Jeff Chiu": names joined by slashes, nothing else.
_SLASH_CREDIT = re.compile(r"[A-Z][\w.'’ -]{0,40}(?:/[A-Za-z][\w.'’ -]{0,40})+\.?")
_CREDIT_WORD = re.compile(r"\b(?:photo|file|getty|images|istock\w*|shutterstock|pool|handout|reuters|ap|afp|epa|"
                          r"xinhua|bloomberg|via)\b", re.IGNORECASE)
_TEMPLATE_HINTS = ("display", "show", "javascript", "embed", "available", "cannot be")
_LETTERS = re.compile(r"[A-Za-z]{2}")
_TERMINAL = re.compile(r"[.!?…][\"”’')\]]*\s*$|[\"”]\s*$")


def boilerplate_reason(sentence: str) -> str | None:
    """Why a sentence is page furniture rather than a claim, or None."""
    if len(sentence) <= MAX_FURNITURE_CHARS and BOILERPLATE.match(sentence):
        return "boilerplate"
    if _RIGHTS.search(sentence[-80:]):
        return "copyright"
    if "/" in sentence and len(sentence) < 100 and _SLASH_CREDIT.fullmatch(sentence.strip()) and (
            _CREDIT_WORD.search(sentence) or all(w[0].isupper() for w in re.findall(r"[A-Za-z]+", sentence))):
        return "credit"
    if len(sentence) < 200 and any(w in sentence.lower() for w in _TEMPLATE_HINTS) \
            and TEMPLATE_TEXT.search(sentence):
        return "template"
    stripped = INLINE_CREDIT.sub("", sentence).strip() if ("(" in sentence or "[" in sentence) else sentence
    if not stripped or not _LETTERS.search(stripped):
        return "credit"
    return None


def is_heading(paragraph: str) -> bool:
    """A short line without closing punctuation: a heading, a label or a navigation item."""
    text = paragraph.strip()
    if _TERMINAL.search(text) or _LIST_ITEM.match(text) or text.endswith((":", ";", ",")):
        return False
    words = text.split()
    return len(words) <= 20 or text.isupper()


def is_question(sentence: str) -> bool:
    return sentence.rstrip().rstrip("\"”’')]").endswith("?")


def credit_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of inline credits inside ``text``."""
    if "(" not in text and "[" not in text:
        return []
    return [m.span() for m in INLINE_CREDIT.finditer(text)]
