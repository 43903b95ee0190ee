"""GeoReport v2 XML documents built with ElementTree from the same dicts the JSON answers use.

ElementTree escapes ``&``, ``<`` and ``>``; what it cannot do is carry the control characters
XML 1.0 forbids even escaped (a pasted vertical tab in a description would make the whole list
unreadable), so those are dropped from text first. Tag names never come from user data.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

# The element that holds each item of a list, per the specification's examples.
ITEM_TAGS = {
    "services": "service",
    "service_requests": "request",
    "attributes": "attribute",
    "values": "value",
    "endpoints": "endpoint",
    "formats": "format",
    "errors": "error",
}
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return _NOT_XML.sub("", str(value))


def _fill(element: ET.Element, value: Any) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _fill(ET.SubElement(element, key), item)
    elif isinstance(value, list):
        tag = ITEM_TAGS.get(element.tag, "item")
        for item in value:
            _fill(ET.SubElement(element, tag), item)
    else:
        element.text = _text(value)


def document(root: str, data: dict[str, Any] | list[Any]) -> bytes:
    """``<root>…</root>`` with an XML declaration, encoded in UTF-8."""
    element = ET.Element(root)
    _fill(element, data)
    return ET.tostring(element, encoding="utf-8", xml_declaration=True)
