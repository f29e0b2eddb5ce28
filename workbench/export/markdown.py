"""The brief as Markdown, for pasting into a CMS: summary table first, one section per claim, sources last."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

from workbench.export.model import METHOD_NOTE, BriefData, BriefEntry, SourceRef
from workbench.export.writer import write_text_atomically

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")


def md_escape(text: str) -> str:
    """Text that Markdown shows as written (no accidental emphasis, links or table cells)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def md_url(url: str) -> str:
    """A URL that cannot break out of Markdown's <...> (spaces, angle brackets percent-encoded)."""
    return quote(url.strip(), safe=":/?#[]@!$&'()*+,;=%~")


def _link(text: str, url: str | None) -> str:
    if not url:
        return md_escape(text)
    return f"[{md_escape(text)}](<{md_url(url)}>)"


def _cite(source: SourceRef, numbers: dict[int, int], *, with_title: bool = False) -> str:
    parts = [_link(source.outlet_name, source.url)]
    if with_title and source.title:
        parts.append(f"“{md_escape(source.title)}”")
    if source.when:
        parts.append(source.when)
    return ", ".join(parts) + f" [{numbers[source.id]}]"


def _entry(n: int, entry: BriefEntry, numbers: dict[int, int]) -> list[str]:
    lines = [f'<a id="claim-{entry.claim_id}"></a>', f"### {n}. {md_escape(entry.text[:90])}"
             f"{'…' if len(entry.text) > 90 else ''}", ""]
    lines += [f"**{md_escape(entry.rating_name)}** · {entry.status} · claim #{entry.claim_id}", ""]
    lines += [f"> {md_escape(entry.text)}", ""]
    said = " · ".join(x for x in (entry.speaker and f"Said by {entry.speaker}",
                                  entry.attribution and f"attributed to {entry.attribution}") if x)
    if said:
        lines += [md_escape(said[:1].upper() + said[1:]), ""]
    lines += [f"*Where it appeared:* {_cite(entry.source, numbers, with_title=True)}", ""]
    first = entry.first_seen()
    if first is not None:
        lines += [f"*First seen in the coverage:* {_cite(first, numbers, with_title=True)}", ""]
    if entry.rationale:
        lines += [f"*Verdict:* {md_escape(entry.rationale)}", ""]
    evidence = []
    for tag, items in (("Disagrees", entry.conflicting), ("Agrees", entry.corroborating),
                       ("Cited", entry.cited_claims)):
        for item in items:
            same = " (same origin)" if item.same_origin else ""
            evidence.append(f"- **{tag}:** “{md_escape(item.text)}” — {_cite(item.source, numbers)}{same}")
    evidence += [f"- **Source:** {_cite(s, numbers, with_title=True)}" for s in entry.cited_sources]
    evidence += [f"- **Link:** {_link(r.url, r.url)}{f' — {md_escape(r.note)}' if r.note else ''}"
                 for r in entry.cited_urls]
    evidence += [f"- {md_escape(note)}" for note in entry.notes]
    if evidence:
        lines += ["*Evidence:*", "", *evidence, ""]
    lines += [f"*Origins:* {md_escape(entry.origin_summary())}", ""]
    return lines


def render_markdown(brief: BriefData) -> str:
    numbers = brief.source_numbers()
    lines = [f"# {md_escape(brief.title)}", ""]
    meta = [x for x in (brief.author and f"By {md_escape(brief.author)}", f"{brief.created.day} {brief.created:%B %Y}",
                        brief.workspace and f"workspace {md_escape(brief.workspace)}") if x]
    lines += [" · ".join(meta), ""]
    if brief.summary:
        lines += [md_escape(brief.summary), ""]
    lines += ["## At a glance", ""]
    lines += [" · ".join(f"{md_escape(name)}: {n}" for name, n in brief.rating_counts()), ""]
    lines += ["| # | Claim | Source | Rating | Status | Origins |", "| --- | --- | --- | --- | --- | --- |"]
    for n, e in enumerate(brief.entries, start=1):
        claim = md_escape(e.text if len(e.text) <= 160 else e.text[:159] + "…")
        lines.append(f"| {n} | [{claim}](#claim-{e.claim_id}) | {md_escape(e.source.outlet_name)} | "
                     f"{md_escape(e.rating_name)} | {e.status} | {e.origins_count} |")
    lines += ["", "## Claims", ""]
    for n, entry in enumerate(brief.entries, start=1):
        lines += _entry(n, entry, numbers)
    lines += ["## Sources", ""]
    for n, source in enumerate(brief.sources(), start=1):
        when = f" {source.when}." if source.when else ""
        url = f" <{md_url(source.url)}>" if source.url else ""
        lines.append(f"{n}. **{md_escape(source.outlet_name)}**. “{md_escape(source.title or 'Untitled')}”.{when}{url}")
    for ref in brief.web_refs():
        lines.append(f"- <{md_url(ref.url)}>{f' — {md_escape(ref.note)}' if ref.note else ''}")
    lines += ["", "## Method", "", md_escape(METHOD_NOTE.format(scale=brief.scale.label)), ""]
    return "\n".join(lines)


def write_markdown(brief: BriefData, target: Path | str) -> Path:
    return write_text_atomically(target, render_markdown(brief))
