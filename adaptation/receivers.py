"""Receivers of the signals training_logs sends (STYLE C10), connected in
``AdaptationConfig.ready()``."""

from __future__ import annotations

from adaptation import selectors, services


def prefill_from_accepted_adaptation(sender, *, session, user, **kwargs):
    """``session_log_prefill``: the accepted adaptation's sets with their target
    loads, swaps and drops (a ``training_logs.services.LogPrefill``), or None when
    the session has no accepted adaptation."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    adaptation = selectors.accepted_adaptation(session=session)
    if adaptation is None:
        return None
    adaptation.session = session
    return services.adapted_log_prefill(adaptation=adaptation, user=user)
