"""Recording verdicts: rating and workflow status, rationale, reviewer and evidence, with a full history."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from workbench.domain.claims import Status
from workbench.domain.errors import NotFound, WorkbenchError
from workbench.domain.ratings import DEFAULT_SCALE, PRESETS, RatingError, RatingScale
from workbench.storage.models import Claim, Setting, Verdict, VerdictEvent, utcnow

RATING_SCALE_KEY = "rating_scale"
EVIDENCE_KINDS = ("claim", "source", "url")
# Statuses that say "this verdict is done": they need a rating.
FINAL_STATUSES = (Status.VERIFIED, Status.PUBLISHED)


class VerdictError(WorkbenchError):
    """A verdict change that is not allowed (unknown status, final status without a rating, bad evidence)."""


def get_rating_scale(session) -> RatingScale:
    setting = session.get(Setting, RATING_SCALE_KEY)
    if setting is None or setting.value is None:
        return DEFAULT_SCALE
    return RatingScale.from_json(setting.value)


def set_rating_scale(session, scale: RatingScale | str | dict) -> RatingScale:
    """Make ``scale`` (a preset key, a JSON dict or a RatingScale) the workspace's scale.

    Refused while verdicts use ratings the new scale does not have, so no verdict is left unreadable.
    """
    if not isinstance(scale, RatingScale):
        scale = RatingScale.from_json(scale)
    used = session.scalars(select(Verdict.rating).where(Verdict.rating.is_not(None)).distinct()).all()
    missing = sorted({r for r in used if scale.find(r) is None})
    if missing:
        raise RatingError(
            f"verdicts use {', '.join(missing)}, which the {scale.label} scale does not have; "
            "change those verdicts first"
        )
    # Stored ratings take the new scale's spelling ("mostly true" -> "Mostly True").
    for verdict in session.scalars(select(Verdict).where(Verdict.rating.is_not(None))):
        verdict.rating = scale.resolve(verdict.rating).name
    value = scale.key if PRESETS.get(scale.key) == scale else scale.to_json()
    setting = session.get(Setting, RATING_SCALE_KEY)
    if setting is None:
        session.add(Setting(key=RATING_SCALE_KEY, value=value))
    else:
        setting.value = value
    session.flush()
    return scale


def parse_status(text: str) -> Status:
    folded = " ".join(str(text).replace("-", " ").replace("_", " ").split()).casefold()
    for status in Status:
        if status.value == folded:
            return status
    raise VerdictError(f"{text!r} is not a status; use one of: {', '.join(s.value for s in Status)}")


def _check_evidence(evidence: Any) -> list[dict[str, str]]:
    if not isinstance(evidence, list):
        raise VerdictError("evidence must be a list of {kind, ref, note} items")
    clean = []
    for item in evidence:
        if not isinstance(item, dict) or item.get("kind") not in EVIDENCE_KINDS or not str(item.get("ref") or ""):
            raise VerdictError(f"each evidence item needs a kind ({', '.join(EVIDENCE_KINDS)}) and a ref")
        clean.append({"kind": item["kind"], "ref": str(item["ref"]), "note": str(item.get("note") or "")})
    return clean


def _live_claim(session, claim_id: int) -> Claim:
    claim = session.get(Claim, claim_id)
    if claim is None or claim.deleted_at is not None:
        raise NotFound(f"no claim with id {claim_id}")
    return claim


def verdict_row(claim_id: int, verdict: Verdict | None) -> dict[str, Any]:
    if verdict is None:
        return {"claim_id": claim_id, "status": Status.UNREVIEWED.value, "rating": None, "rationale": "",
                "reviewer": None, "evidence": [], "updated_at": None}
    return {
        "claim_id": claim_id,
        "status": verdict.status,
        "rating": verdict.rating,
        "rationale": verdict.rationale or "",
        "reviewer": verdict.reviewer,
        "evidence": list(verdict.evidence or []),
        "updated_at": verdict.updated_at.isoformat(timespec="seconds") if verdict.updated_at else None,
    }


def get_verdict(session, claim_id: int) -> dict[str, Any]:
    claim = _live_claim(session, claim_id)
    return verdict_row(claim.id, claim.verdict)


def set_verdict(
    session,
    claim_id: int,
    *,
    rating: str | None = None,
    status: str | Status | None = None,
    rationale: str | None = None,
    reviewer: str | None = None,
    evidence: list[dict] | None = None,
) -> dict[str, Any]:
    """Change a claim's verdict; None leaves a field as it is, ``rating=""`` clears the rating.

    Every real change writes one VerdictEvent. Rating a claim that nobody reviewed yet moves it to "in review";
    "verified" and "published" need a rating. Returns the verdict as a dict.
    """
    claim = _live_claim(session, claim_id)
    verdict = claim.verdict
    before = verdict_row(claim.id, verdict)
    new = dict(before)

    if rating is not None:
        new["rating"] = get_rating_scale(session).resolve(rating).name if rating.strip() else None
    if status is not None:
        new["status"] = parse_status(status).value
    elif rating and before["status"] == Status.UNREVIEWED:
        new["status"] = Status.IN_REVIEW.value
    if rationale is not None:
        new["rationale"] = rationale.strip()
    if reviewer is not None:
        new["reviewer"] = reviewer.strip() or None
    if evidence is not None:
        new["evidence"] = _check_evidence(evidence)
    if new["status"] in FINAL_STATUSES and not new["rating"]:
        raise VerdictError(f"claim {claim.id} cannot be {new['status']} without a rating")

    fields = ("status", "rating", "rationale", "reviewer", "evidence")
    changed = [f for f in fields if new[f] != before[f]]
    if not changed:
        return before
    if verdict is None:
        verdict = Verdict(claim_id=claim.id)
        session.add(verdict)
        claim.verdict = verdict
    for f in fields:
        setattr(verdict, f, new[f])
    verdict.updated_at = utcnow()
    session.add(VerdictEvent(
        claim_id=claim.id, action="verdict", status=new["status"], rating=new["rating"],
        rationale=new["rationale"], reviewer=new["reviewer"], evidence=new["evidence"],
        note="; ".join(_describe(f, before[f], new[f]) for f in changed),
    ))
    session.flush()
    return verdict_row(claim.id, verdict)


def _describe(field: str, old: Any, new: Any) -> str:
    if field == "rationale":
        return "rationale edited" if old else "rationale written"
    if field == "evidence":
        return f"evidence: {len(old)} -> {len(new)} items"
    return f"{field}: {old or '-'} -> {new or '-'}"


def history(session, claim_id: int) -> list[dict[str, Any]]:
    """Every recorded event of a claim, oldest first."""
    _live_claim(session, claim_id)
    events = session.scalars(
        select(VerdictEvent).where(VerdictEvent.claim_id == claim_id).order_by(VerdictEvent.at, VerdictEvent.id)
    )
    return [
        {
            "id": e.id,
            "at": e.at.isoformat(timespec="seconds"),
            "action": e.action,
            "status": e.status,
            "rating": e.rating,
            "rationale": e.rationale,
            "reviewer": e.reviewer,
            "evidence": list(e.evidence or []),
            "note": e.note,
        }
        for e in events
    ]
