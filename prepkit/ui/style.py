"""The look: big calm text, large targets, an optional high-contrast palette.

One stylesheet for the whole application, rebuilt when the text size or the contrast changes,
so Ctrl+/Ctrl- scales every page at once (font sizes are relative to ``base_pt``).
"""

from __future__ import annotations

from dataclasses import dataclass

FONT_FAMILIES = ["Noto Sans", "Noto Sans Arabic", "Noto Sans Devanagari", "WenQuanYi Micro Hei"]
MIN_TARGET_PX = 40
DEFAULT_PT = 13
MIN_PT, MAX_PT = 9, 28
USUAL_SYSTEM_PT = 9  # Windows' and Qt's generic desktop text: what DEFAULT_PT was chosen beside


def starting_pt(system_pt: int) -> int:
    """The text size before the user picks one: the platform's own size, enlarged in the same
    proportion as DEFAULT_PT is to the usual 9 pt.  A usual desktop gets DEFAULT_PT; one set
    to larger text (a low-vision setting) gets larger text here too."""
    if system_pt <= 0:  # a font sized in pixels: nothing to scale from
        return DEFAULT_PT
    return max(MIN_PT, min(MAX_PT, round(system_pt * DEFAULT_PT / USUAL_SYSTEM_PT)))


@dataclass(frozen=True)
class Look:
    base_pt: int = DEFAULT_PT
    high_contrast: bool = False

    def bigger(self) -> Look:
        return Look(min(MAX_PT, self.base_pt + 1), self.high_contrast)

    def smaller(self) -> Look:
        return Look(max(MIN_PT, self.base_pt - 1), self.high_contrast)

    def contrast(self, on: bool) -> Look:
        return Look(self.base_pt, on)


def stylesheet(look: Look) -> str:
    pt = look.base_pt
    if look.high_contrast:
        bg, fg, panel, accent, accent_fg, border, muted, error = (
            "#000000", "#ffffff", "#000000", "#ffff00", "#000000", "#ffffff", "#ffffff", "#ffb0b0",
        )
    else:
        bg, fg, panel, accent, accent_fg, border, muted, error = (
            "#fbfaf7", "#1d2430", "#eef1f4", "#1f5f8b", "#ffffff", "#8a96a3", "#4a5563", "#a1261b",
        )
    return f"""
    QWidget {{ font-size: {pt}pt; color: {fg}; background: {bg}; }}
    QLabel[role="title"] {{ font-size: {pt + 8}pt; font-weight: bold; }}
    QLabel[role="heading"] {{ font-size: {pt + 3}pt; font-weight: bold; margin-top: 10px; }}
    QLabel[role="help"], QLabel[role="draft"] {{ color: {muted}; font-size: {pt - 1}pt; }}
    QLabel[role="error"] {{ color: {error}; font-weight: bold; }}
    QLabel[role="problem"] {{
        color: {error}; font-weight: bold; padding: 8px 12px; border: 2px solid {error};
        background: {bg};
    }}
    QLabel[role="status"] {{ color: {muted}; }}
    QLineEdit, QPlainTextEdit, QComboBox, QDateEdit {{
        min-height: {MIN_TARGET_PX - 8}px; padding: 3px 6px;
        border: 1px solid {border}; border-radius: 4px; background: {bg};
    }}
    QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus, QDateEdit:focus {{
        border: 2px solid {accent};
    }}
    QPushButton, QToolButton {{
        min-height: {MIN_TARGET_PX}px; min-width: {MIN_TARGET_PX}px; padding: 4px 14px;
        border: 1px solid {border}; border-radius: 6px; background: {panel};
    }}
    QPushButton:focus, QToolButton:focus, QCheckBox:focus, QRadioButton:focus {{
        border: 2px solid {accent};
    }}
    QPushButton[role="primary"] {{ background: {accent}; color: {accent_fg}; font-weight: bold; }}
    QPushButton[role="language"] {{ min-height: 56px; font-size: {pt + 3}pt; }}
    QPushButton[role="compact"] {{ padding: 4px 6px; }}
    QCheckBox, QRadioButton {{ min-height: {MIN_TARGET_PX}px; spacing: 10px; }}
    QListWidget {{ background: {panel}; border: none; }}
    QListWidget::item {{ min-height: {MIN_TARGET_PX}px; padding: 2px 8px; }}
    QListWidget::item:selected {{ background: {accent}; color: {accent_fg}; }}
    QFrame[role="sidepanel"], QFrame[role="bar"] {{ background: {panel}; }}
    QScrollBar:vertical {{ width: 16px; background: {panel}; border: none; }}
    QScrollBar::handle:vertical {{ background: {border}; min-height: 40px; border-radius: 6px; }}
    QScrollBar::add-line, QScrollBar::sub-line {{ height: 0; width: 0; }}
    QLabel[role="gap"] {{ padding: 6px 2px; min-height: {MIN_TARGET_PX - 12}px; }}
    QLabel[role="gap"]:focus {{ border: 2px solid {accent}; border-radius: 4px; }}
    QFrame[role="row"] {{ border: 1px solid {border}; border-radius: 6px; }}
    QLabel[role="subheading"] {{ font-weight: bold; }}
    QFrame[role="sidepanel"] QLabel, QFrame[role="bar"] QLabel {{ background: {panel}; }}
    """
