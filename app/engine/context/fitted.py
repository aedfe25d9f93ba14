"""The context engine's fitted parameters: a few numbers, each moving a group of margins (or one
setting) together, chosen by leave-one-writer-out cross-validation on the dev half of the tagged
benchmark (`dyslexic-writer bench-cv`), not by hand.

`resources/curated/fit.yaml` names the parameters, what each moves and the values the fit may
try; `resources/generated/fitted.yaml` holds the chosen values, with the cross-validated figures
that chose them. `shipped_tuning()` applies them to the hand-set values of `tuning.yaml`: a group's
hand-set margins keep their order and spacing, and the fitted offset sets their level.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, fields, replace
from types import MappingProxyType
from typing import TYPE_CHECKING, Mapping

if TYPE_CHECKING:
    from .tuning import Tuning

FIT_FILE = "fit.yaml"
FITTED_FILE = "fitted.yaml"


@dataclass(frozen=True)
class FitParam:
    name: str
    values: tuple[float, ...]  # what the fit may choose
    margins: tuple[str, ...] = ()  # margins this offsets (nats added), or
    setting: str = ""  # the one Tuning field this sets
    note: str = ""


def parse_params(data: Mapping) -> tuple[FitParam, ...]:
    """fit.yaml's `params` (name -> {values, margins | setting, note})."""
    out = []
    for name, spec in (data or {}).get("params", {}).items():
        margins, setting = tuple(spec.get("margins", ())), spec.get("setting", "")
        if bool(margins) == bool(setting):
            raise ValueError(f"{FIT_FILE}: {name} must name either margins or one setting")
        out.append(FitParam(name, tuple(float(v) for v in spec["values"]), margins, setting, spec.get("note", "")))
    return tuple(out)


def neutral(params: tuple[FitParam, ...], base: Tuning) -> dict[str, float]:
    """The setting that leaves the hand-set values as they are: offsets of 0, settings unchanged."""
    return {p.name: (0.0 if p.margins else float(getattr(base, p.setting))) for p in params}


def apply(base: Tuning, params: tuple[FitParam, ...], setting: Mapping[str, float]) -> Tuning:
    """`base` with each parameter's value applied; a parameter the setting lacks leaves `base` as it is."""
    margins = dict(base.margins)
    changes: dict[str, float] = {}
    known = {f.name: type(getattr(base, f.name)) for f in fields(base)}
    for p in params:
        v = setting.get(p.name)
        if v is None:
            continue
        if p.margins:
            for m in p.margins:
                if m not in margins:
                    raise ValueError(f"{FIT_FILE}: {p.name} names an unknown margin {m!r}")
                margins[m] = margins[m] + v
        else:
            if p.setting not in known:
                raise ValueError(f"{FIT_FILE}: {p.name} names an unknown setting {p.setting!r}")
            changes[p.setting] = known[p.setting](v)  # a whole-number setting stays one
    return replace(base, margins=MappingProxyType(margins), **changes)


def grid(params: tuple[FitParam, ...]) -> list[dict[str, float]]:
    """Every combination of the parameters' values (the fit's search space)."""
    return [dict(zip((p.name for p in params), combo)) for combo in itertools.product(*(p.values for p in params))]
