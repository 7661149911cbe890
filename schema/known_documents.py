"""Remembers the documents that validated cleanly, so a repeated query skips parsing and validation.

Apps send the same few queries over and over; parsing and validating them is about a third of executing a
small query. The same text is found at once, without parsing. A text that differs only in spacing, commas or
comments is parsed (it must be, to be read at all), then recognised by its form, the document's significant
tokens, so changing whitespace cannot make the server validate one document again and again. Each schema keeps
its own memory, since its limits decide what is valid.

The memory is bounded in bytes, not entries: a few large documents must not pin the server's memory. A parsed
document with its token list takes about sixty bytes per character of its form (measured on the feed and
members queries); a hundred is counted, plus every text remembered for it twice (as a key and as the parsed
source). The least recently used forms go first; a form keeps at most a few texts.
"""

from collections import OrderedDict
from dataclasses import dataclass, field

from graphql import DocumentNode, TokenKind

BUDGET_BYTES = 16_000_000
BYTES_PER_FORM_CHARACTER = 100
TEXTS_PER_FORM = 4


def form_of(document: DocumentNode) -> str:
    """The document's significant tokens in order: the same for texts that differ only in what GraphQL ignores."""
    parts: list[str] = []
    token = document.loc.start_token if document.loc else None
    while token is not None:
        if token.kind is TokenKind.NAME:
            parts.append(token.value or "")
        elif token.kind is not TokenKind.COMMENT:
            parts.append(token.kind.value if token.value is None else repr((token.kind.value, token.value)))
        token = token.next
    return " ".join(parts)


@dataclass
class _Known:
    document: DocumentNode
    size: int
    texts: list[str] = field(default_factory=list)


class KnownDocuments:
    def __init__(self, budget_bytes: int = BUDGET_BYTES) -> None:
        self.budget_bytes = budget_bytes
        self.used_bytes = 0
        self._forms: OrderedDict[str, _Known] = OrderedDict()
        self._texts: dict[str, str] = {}

    def get(self, text: str | None) -> DocumentNode | None:
        """The document for a text seen before, without parsing it."""
        form = self._texts.get(text) if text else None
        if form is None:
            return None
        self._forms.move_to_end(form)
        return self._forms[form].document

    def recall(self, text: str, form: str) -> bool:
        """Whether a document of this form validated cleanly; if so, this text finds it from now on."""
        known = self._forms.get(form)
        if known is None:
            return False
        self._forms.move_to_end(form)
        if len(known.texts) < TEXTS_PER_FORM:
            self._remember(text, form, known)
        return True

    def keep(self, text: str, form: str, document: DocumentNode) -> None:
        known = _Known(document, len(form) * BYTES_PER_FORM_CHARACTER)
        if known.size + 2 * len(text) > self.budget_bytes or form in self._forms:
            return
        self._forms[form] = known
        self.used_bytes += known.size
        self._remember(text, form, known)
        while self.used_bytes > self.budget_bytes:
            self._forget_oldest()

    def _remember(self, text: str, form: str, known: _Known) -> None:
        known.texts.append(text)
        known.size += 2 * len(text)
        self.used_bytes += 2 * len(text)
        self._texts[text] = form

    def _forget_oldest(self) -> None:
        _, known = self._forms.popitem(last=False)
        self.used_bytes -= known.size
        for text in known.texts:
            del self._texts[text]
