"""Message templates: the only messages WhatsApp lets out once the 24-hour window has closed.

Templates live in the WhatsApp Business Account (``GET /{waba_id}/message_templates``). Their
body holds variables, numbered (``{{1}}``) or named (``{{first_name}}``); we fill them from
the agent's values: by number, or for named ones in the order they first appear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from omnibox.channels.base import OutboundTemplate
from omnibox.channels.whatsapp.client import GraphClient
from omnibox.errors import InvalidPayload

_VARIABLE = re.compile(r"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")
_FIELDS = "name,language,status,category,components,parameter_format"
_PAGE_SIZE = 100
_MAX_PAGES = 20  # 2000 templates: far beyond what one business keeps


@dataclass(frozen=True)
class Template:
    name: str
    language: str
    status: str
    category: str | None
    components: list[dict[str, Any]]

    def component(self, kind: str) -> dict[str, Any] | None:
        return next((c for c in self.components if str(c.get("type")).upper() == kind), None)

    @property
    def body(self) -> str:
        body = self.component("BODY")
        return str(body.get("text") or "") if body else ""

    @property
    def variables(self) -> list[str]:
        """The body's variables: "1", "2", ... in number order (WhatsApp fills them by
        position), or names in order of first appearance."""
        seen: list[str] = []
        for name in _VARIABLE.findall(self.body):
            if name not in seen:
                seen.append(name)
        if all(v.isdigit() for v in seen):
            return sorted(seen, key=int)
        return seen

    @property
    def named(self) -> bool:
        return any(not v.isdigit() for v in self.variables)

    @property
    def unsendable_reason(self) -> str | None:
        """Why we can't send it (we fill in body variables only), or None."""
        if self.status.upper() != "APPROVED":
            return f"WhatsApp has not approved this template (status {self.status})."
        header = self.component("HEADER")
        if header is not None:
            if str(header.get("format", "TEXT")).upper() != "TEXT":
                return "Its header needs a media file, which omnibox can't attach yet."
            if _VARIABLE.search(str(header.get("text") or "")):
                return "Its header has a variable, which omnibox can't fill in yet."
        buttons = self.component("BUTTONS") or {}
        if any(_VARIABLE.search(str(b.get("url") or "")) for b in buttons.get("buttons", [])):
            return "A button's link has a variable, which omnibox can't fill in yet."
        return None

    def fill(self, values: list[str]) -> str:
        """The words the contact will read: header, body with values, footer."""
        by_name = dict(zip(self.variables, values, strict=False))
        body = _VARIABLE.sub(lambda m: by_name.get(m.group(1), m.group(0)), self.body)
        header = self.component("HEADER") or {}
        footer = self.component("FOOTER") or {}
        parts = [str(header.get("text") or ""), body, str(footer.get("text") or "")]
        return "\n\n".join(p for p in parts if p.strip())


def _template(raw: dict[str, Any]) -> Template:
    return Template(
        name=str(raw.get("name", "")),
        language=str(raw.get("language", "")),
        status=str(raw.get("status", "UNKNOWN")),
        category=str(raw["category"]) if raw.get("category") else None,
        components=[c for c in raw.get("components") or [] if isinstance(c, dict)],
    )


async def list_templates(
    graph: GraphClient, waba_id: str, *, name: str | None = None
) -> list[Template]:
    """Every template of the account (following Graph's cursor paging)."""
    params = {"fields": _FIELDS, "limit": str(_PAGE_SIZE)}
    if name:
        params["name"] = name
    templates: list[Template] = []
    for _ in range(_MAX_PAGES):
        page = await graph.get(f"{waba_id}/message_templates", params)
        templates += [_template(t) for t in page.get("data") or [] if isinstance(t, dict)]
        after = ((page.get("paging") or {}).get("cursors") or {}).get("after")
        if not after or not (page.get("paging") or {}).get("next"):
            break
        params = {**params, "after": str(after)}
    return templates


async def prepare_template(
    graph: GraphClient, waba_id: str, wanted: OutboundTemplate
) -> tuple[str, OutboundTemplate]:
    """Check the agent's template against WhatsApp's copy; its filled-in text and what to send."""
    found = [
        t
        for t in await list_templates(graph, waba_id, name=wanted.name)
        if t.name == wanted.name and t.language == wanted.language
    ]
    if not found:
        raise InvalidPayload(
            f"This WhatsApp account has no template {wanted.name!r} in {wanted.language!r}."
        )
    template = found[0]
    if (reason := template.unsendable_reason) is not None:
        raise InvalidPayload(f"The template {template.name!r} can't be sent: {reason}")
    if len(wanted.variables) != len(template.variables):
        raise InvalidPayload(
            f"The template {template.name!r} has {len(template.variables)} variable(s) "
            f"in its body; {len(wanted.variables)} value(s) were given."
        )
    if any(not v.strip() for v in wanted.variables):
        raise InvalidPayload("Every template variable needs a value (WhatsApp refuses blanks).")
    ready = OutboundTemplate(
        name=template.name,
        language=template.language,
        variables=list(wanted.variables),
        variable_names=template.variables if template.named else None,
    )
    return template.fill(list(wanted.variables)), ready


def template_payload(template: OutboundTemplate) -> dict[str, Any]:
    """The ``template`` object of a Cloud API message."""
    payload: dict[str, Any] = {"name": template.name, "language": {"code": template.language}}
    if template.variables:
        names = template.variable_names
        parameters = [
            {"type": "text", "text": value}
            | ({"parameter_name": names[i]} if names is not None else {})
            for i, value in enumerate(template.variables)
        ]
        payload["components"] = [{"type": "body", "parameters": parameters}]
    return payload
