"""School kiosk mode: a shared computer where each family's session leaves nothing behind.

``KioskWindow`` (shell.py) wraps one wizard per family session and throws it away when the
session ends; ``clock.py`` is the time source the idle timeout reads (tests pass a fake one).
"""
