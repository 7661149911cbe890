"""Reading one bullet of a resource list as well as free text allows: "Authors, Title (Year) URL",
"“Title” by Authors (Year)", "Title by Authors", "Title, Authors" or just a title; a URL anywhere; a sentence
after the title describes it."""

import re

from services.knowledge.resources import ResourceDraft

URL = re.compile(r"\(?(https?://[^\s)]+)\)?")
YEAR = re.compile(
    r"\((?:[^()]*?\s)?(?P<year>1[5-9]\d\d|20\d\d)\)|,\s*(?:[A-Z][a-z]+\s+)?(?P<tail>1[5-9]\d\d|20\d\d)\s*$"
)
QUOTED = re.compile(r"[“\"](?P<title>[^”\"]+?)[,.]?[”\"]")
BY = re.compile(r"\s+(?:prepared |conducted )?by\s+")
SENTENCE = re.compile(r"(?<=[a-z)])\.\s+(?=[A-Z])|\s+(?=(?:is a|provides|describes)\s)")
SUBHEADINGS = {
    "books & articles": "book",
    "books": "book",
    "articles": "article",
    "organizations": "link",
    "organisations": "link",
    "tools": "tool",
    "programs": "programme",
    "programmes": "programme",
}
CONNECTORS = {"and", "of", "for", "the", "with", "de", "van", "von"}


def _names(text: str) -> list[str] | None:
    """The people (or organisation) in `text`, if it reads like names at all."""
    words = text.replace(",", " ").split()
    if not words or len(words) > 10 or ":" in text or not all(w[0].isupper() or w in CONNECTORS for w in words):
        return None
    return [n.strip() for n in re.split(r",\s*(?:and\s+)?|\s+and\s+|\s+with\s+", text) if n.strip()]


def _title_and_rest(text: str) -> tuple[str, str]:
    parts = SENTENCE.split(text, maxsplit=1)
    return parts[0].strip(" ,.;"), (parts[1].strip() if len(parts) > 1 else "")


def _split_people(text: str) -> tuple[list[str], str, str]:
    """(authors, title, description) of a bullet without its URL and year."""
    if quoted := QUOTED.search(text):
        before, after = text[: quoted.start()].strip(" ,"), text[quoted.end() :].strip(" ,")
        by = BY.match(" " + after)
        named = _names(before) or (_names(_title_and_rest(after[by.end() - 1 :])[0]) if by else None) or []
        return named, quoted.group("title").strip(), "" if by else after
    segments = text.split(",")
    for cut in range(len(segments) - 1, 0, -1):  # the longest run of names before the title
        if (authors := _names(",".join(segments[:cut]))) and ",".join(segments[cut:]).strip():
            title, rest = _title_and_rest(",".join(segments[cut:]))
            return authors, title, rest
    if (by := BY.search(text)) and (authors := _names(_title_and_rest(text[by.end() :])[0])):
        return authors, text[: by.start()].strip(" ,"), _title_and_rest(text[by.end() :])[1]
    head, _, last = text.rpartition(",")
    if head and (authors := _names(last.strip())):
        return authors, head.strip(), ""
    title, rest = _title_and_rest(text)
    return [], title, rest


def _kind(hint: str | None, text: str, url: str | None, authors: list[str]) -> str:
    if hint:
        return hint
    if "website" in text.lower() or (url and not authors):
        return "link"
    if any(word in text for word in ("Journal", "Magazine", "report", "Findings", "Assessment", "“")):
        return "article"
    return "programme" if "Program" in text else "book"


def bullet(text: str, area: str, hint: str | None) -> ResourceDraft:
    url = (found := URL.search(text)) and found.group(1).rstrip(".,")
    plain = URL.sub("", text).strip()
    year_found = YEAR.search(plain)
    year = int(year_found.group("year") or year_found.group("tail")) if year_found else None
    # Whatever follows a year in brackets describes the resource.
    plain, after = (plain[: year_found.start()], plain[year_found.end() :]) if year_found else (plain, "")
    authors, title, rest = _split_people(" ".join(plain.split()))
    return ResourceDraft(
        kind=_kind(hint, text, url, authors),
        title=title,
        url=url or None,
        authors=tuple(authors),
        year=year,
        description=" ".join(f"{rest} {after}".split()),
        practice_areas=(area,),
    )
