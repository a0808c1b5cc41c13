"""A stand-in for systemd-logind on a private bus (tests only; run as a script).

``python fake_logind.py ADDRESS``: owns ``org.freedesktop.login1`` on that bus, answers
``Manager.GetSession`` with ``/org/freedesktop/login1/session/_31``, prints ``ready`` and then,
for each line on standard input, emits ``sleep`` -> ``PrepareForSleep(true)``, ``wake`` ->
``PrepareForSleep(false)``, ``lock`` -> ``Session.Lock()`` on that session.
"""

from __future__ import annotations

import sys
import threading

from jeepney import DBusAddress, MessageType, new_error, new_method_return, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

SESSION_PATH = "/org/freedesktop/login1/session/_31"
MANAGER = DBusAddress("/org/freedesktop/login1", interface="org.freedesktop.login1.Manager")
SESSION = DBusAddress(SESSION_PATH, interface="org.freedesktop.login1.Session")


def main() -> None:
    conn = open_dbus_connection(bus=sys.argv[1])
    conn.send_and_get_reply(message_bus.RequestName("org.freedesktop.login1"))
    print("ready", flush=True)

    def commands() -> None:
        for line in sys.stdin:
            word = line.strip()
            if word in ("sleep", "wake"):
                conn.send(new_signal(MANAGER, "PrepareForSleep", "b", (word == "sleep",)))
            elif word == "lock":
                conn.send(new_signal(SESSION, "Lock"))
            print(f"sent {word}", flush=True)

    threading.Thread(target=commands, daemon=True).start()
    while True:
        message = conn.receive()
        if message.header.message_type != MessageType.method_call:
            continue
        if message.header.fields.get(3) == "GetSession":  # 3: the member header field
            conn.send(new_method_return(message, "o", (SESSION_PATH,)))
        else:
            conn.send(new_error(message, "org.freedesktop.DBus.Error.UnknownMethod"))


if __name__ == "__main__":
    main()
