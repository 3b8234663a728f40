"""Desktop notifications through the desktop's own service (org.freedesktop.Notifications).

One D-Bus connection both shows the notification and hears the click on it: servers such
as dunst and GNOME Shell send `ActionInvoked` only to the connection that called `Notify`
(measured), so the tool that shows it must stay connected to hear it. jeepney speaks
D-Bus in pure Python; Qt's QtDBus as bound for Python cannot send the unsigned integer
that `Notify` takes (measured: the call is refused for its signature).
"""

from __future__ import annotations

import contextlib
import os
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

BUS_NAME = "org.freedesktop.Notifications"
OBJECT_PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
CALL_TIMEOUT_S = 10.0


class NotificationError(Exception):
    """No notification could be shown; the message says why."""


@dataclass(frozen=True)
class Click:
    notification: int
    action: str


class NotificationService:
    """A connection to the session's notification service, kept open to hear clicks."""

    def __init__(self) -> None:
        from jeepney import DBusAddress, MatchRule
        from jeepney.bus_messages import message_bus
        from jeepney.io.blocking import open_dbus_connection

        if not os.environ.get("DBUS_SESSION_BUS_ADDRESS") and not os.environ.get("XDG_RUNTIME_DIR"):
            raise NotificationError("No desktop session was found to show a reminder in.")
        try:
            self._connection = open_dbus_connection(bus="SESSION")
        except (OSError, KeyError, ValueError) as error:
            raise NotificationError(f"The desktop session's message bus cannot be reached: {error}") from None
        self._address = DBusAddress(OBJECT_PATH, bus_name=BUS_NAME, interface=INTERFACE)
        self._clicks: deque[Any] = deque()
        self._closed: set[int] = set()
        rule = MatchRule(type="signal", interface=INTERFACE, path=OBJECT_PATH)
        self._filter = self._connection.filter(rule, queue=self._clicks)
        self._filter.__enter__()
        self._connection.send_and_get_reply(message_bus.AddMatch(rule), timeout=CALL_TIMEOUT_S)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._filter.__exit__(None, None, None)
        self._connection.close()

    def notify(self, app_name: str, title: str, body: str, actions: dict[str, str], icon: str = "") -> int:
        """Shows one notification; returns its id. `actions` maps keys to button labels, and
        the key "default" is what a click on the notification itself does."""
        from jeepney import new_method_call

        flat = [part for key, label in actions.items() for part in (key, label)]
        message = new_method_call(
            self._address,
            "Notify",
            "susssasa{sv}i",
            (app_name, 0, icon, title, body, flat, {"urgency": ("y", 1)}, -1),
        )
        try:
            reply = self._connection.send_and_get_reply(message, timeout=CALL_TIMEOUT_S)
        except (OSError, TimeoutError) as error:
            raise NotificationError(f"The notification service did not answer: {error}") from None
        from jeepney.low_level import MessageType

        if reply.header.message_type == MessageType.error:
            raise NotificationError(f"The desktop's notification service refused the reminder: {reply.body}")
        return int(reply.body[0])

    def wait_for_click(self, timeout: float) -> Click | None:
        """The next click on a notification within `timeout` seconds, else None. Notifications
        that were closed without a click are forgotten on the way."""
        try:
            message = self._connection.recv_until_filtered(self._clicks, timeout=timeout)
        except TimeoutError:
            return None
        member = message.header.fields.get(_member_field())
        if member == "ActionInvoked":
            notification, action = message.body
            return Click(int(notification), str(action))
        if member == "NotificationClosed":
            self._closed.add(int(message.body[0]))
        return None

    def pop_closed(self) -> Iterator[int]:
        while self._closed:
            yield self._closed.pop()


def _member_field() -> Any:
    from jeepney.low_level import HeaderFields

    return HeaderFields.member
