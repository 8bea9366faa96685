"""`rank`: rank the 12 alternatives for a profile (JSON file) and weights."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import ValidationError

from .. import jsontext
from ..decision.evaluation import Evaluation, evaluate
from ..decision.profile import Profile
from ..decision.weights import PRESET_LABELS, Weights, WeightsError, preset
from ..numbers import has_minus_sign
from ..ui.messages import norwegian_errors
from . import CliError


def add_parser(subparsers) -> None:
    """Register `rank --profile FILE [--weights NAME|FILE] [--format json|table]`."""
    p = subparsers.add_parser("rank", help="ranger de 12 alternativene for en profil")
    p.add_argument("--profile", required=True, help="profil som JSON-fil")
    p.add_argument("--weights", default="rapport", help="rapport | like | rangsum | FIL.json ({\"1\": 30, ...})")
    p.add_argument("--format", choices=("json", "table"), default="json")
    p.set_defaults(func=run)


def _read_json(path: str, what: str, *, keep_minus_zero: bool = False):
    try:
        return jsontext.loads(Path(path).read_bytes(), f"{what.capitalize()}-filen {path}",
                              keep_minus_zero=keep_minus_zero)
    except FileNotFoundError:
        raise CliError(f"{what}-filen finnes ikke: {path}") from None
    except jsontext.JsonInputError as exc:
        raise CliError(str(exc)) from None
    except OSError as exc:
        raise CliError(f"kan ikke lese {what}-filen {path}: {exc.strerror}") from None


def load_profile(path: str) -> Profile:
    """The profile file; members may be today's numbers or names, or 2015 numbers (mapped to today's
    municipality, merged where they are one today: a notice on stderr). Bad input: CliError (exit 2)."""
    try:
        profile = Profile.model_validate(_read_json(path, "profil"))
    except ValidationError as exc:
        raise CliError(f"ugyldig profil: {norwegian_errors(exc)[0]}") from None
    for notice in profile.member_notices:
        print(f"Merk: {notice}", file=sys.stderr)
    return profile


def load_weights(spec: str) -> Weights:
    """A preset name (rapport, like, rangsum) or a JSON file {factor id: points}; raises CliError."""
    try:
        if spec in PRESET_LABELS:
            return preset(spec)
        if not Path(spec).exists():
            raise CliError(f"ukjent vektsett eller fil «{spec}»: bruk rapport, like, rangsum eller en JSON-fil")
        points = _read_json(spec, "vekt", keep_minus_zero=True)
        for key, value in points.items() if isinstance(points, dict) else ():
            if isinstance(value, (int, float)) and has_minus_sign(value):  # -0 too, as in the app: never read as 0
                raise WeightsError(f"Vekten for faktor {key} kan ikke være negativ (skrevet: {value:g}); "
                                   "skriv 0 eller mer")
        return Weights(points=points)
    except (WeightsError, ValidationError) as exc:
        message = norwegian_errors(exc)[0] if isinstance(exc, ValidationError) else str(exc)
        raise CliError(f"ugyldige vekter: {message}") from None


def to_json(result: Evaluation) -> dict:
    """The CLI's JSON shape (documented in README): ranking with score parts, weights, warnings, advice."""
    rec = result.recommendation
    return {
        "ranking": [{"rank": r.rank, "model": r.alternative.model, "form": r.alternative.form, "label": r.label,
                     "score": round(r.score, 6), "is_current": r.is_current,
                     "components": {k: round(v, 6) for k, v in r.components.items()},
                     "contributions": {str(k): round(v, 6) for k, v in r.contributions.items()}}
                    for r in result.ranking],
        "weights": {str(k): round(v, 6) for k, v in result.weights.items()},
        "warnings": [{"code": w.code, "severity": w.severity, "message": w.message, "section": w.section}
                     for w in result.warnings],
        "recommendation": {"text": rec.text, "model": rec.alternative.model, "form": rec.alternative.form,
                           "section": rec.section, "quote": rec.quote, "gate": rec.gate,
                           "agrees_with_ranking": rec.agrees_with_ranking, "disagreement": result.disagreement},
    }


def run(args) -> int:
    """Evaluate the profile with the weights and print the ranking; exit code 0 or 2."""
    result = evaluate(load_profile(args.profile), load_weights(args.weights))
    if args.format == "json":
        print(json.dumps(to_json(result), ensure_ascii=False, indent=2))
        return 0
    for r in result.ranking:
        print(f"{r.rank:>2}  {r.score:+.3f}  {r.label}{'  (dagens)' if r.is_current else ''}")
    for w in result.warnings:
        print(f"! {w.message}")
    print(f"Rapportens råd ({result.recommendation.section}): {result.recommendation.text}")
    if result.disagreement:
        print(result.disagreement)
    return 0
