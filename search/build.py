"""The search index the settings choose: the embedded engine under data_dir/search, or Meilisearch."""

from infra.settings import Settings
from search.port import SearchIndex


def build_index(settings: Settings) -> SearchIndex:
    if settings.search == "meilisearch":
        from search.meili import MeiliIndex  # only the distributed mode needs the HTTP client

        if not settings.meili_url:
            raise ValueError("COMMONS_MEILI_URL must be set when COMMONS_SEARCH=meilisearch")
        return MeiliIndex(settings.meili_url, settings.meili_key)
    from search.embedded import EmbeddedIndex

    return EmbeddedIndex(settings.data_dir / "search")
