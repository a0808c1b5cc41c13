"""Any page, any size or rotation, lands inside the content box: the footer stays free for
the stamp, the shape is kept, and nothing is enlarged."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from clinic.reports.packet.placement import CONTENT_BOX, FOOTER, fit_matrix, multiply


def apply(m: tuple[float, ...], x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


@given(
    st.floats(-500, 500),
    st.floats(-500, 500),
    st.floats(20, 3000),
    st.floats(20, 3000),
    st.sampled_from([0, 90, 180, 270, -90, 450]),
)
def test_pages_fit_above_the_footer(x0: float, y0: float, w: float, h: float, rotate: int) -> None:
    matrix, scale = fit_matrix((x0, y0, x0 + w, y0 + h), rotate)
    corners = [apply(matrix, x, y) for x in (x0, x0 + w) for y in (y0, y0 + h)]
    eps = 1e-6
    assert all(CONTENT_BOX[0] - eps <= cx <= CONTENT_BOX[2] + eps for cx, _ in corners)
    assert all(FOOTER - eps <= cy <= CONTENT_BOX[3] + eps for _, cy in corners)
    assert 0 < scale <= 1
    xs = sorted({round(cx, 3) for cx, _ in corners})
    ys = sorted({round(cy, 3) for _, cy in corners})
    shown_w, shown_h = xs[-1] - xs[0], ys[-1] - ys[0]
    turned = rotate % 180 == 90
    assert abs(shown_w - (h if turned else w) * scale) < 1e-3
    assert abs(shown_h - (w if turned else h) * scale) < 1e-3


def test_rotate_90_turns_the_top_left_corner_to_the_top_right() -> None:
    matrix, _ = fit_matrix((0, 0, 612, 792), 90)
    x, y = apply(matrix, 0, 792)  # the source page's top-left corner
    top = max(apply(matrix, cx, cy)[1] for cx in (0, 612) for cy in (0, 792))
    assert abs(x - 612) < 1e-6 and abs(y - top) < 1e-6  # the shown page's top-right corner


def test_multiply_applies_first_then_second() -> None:
    shift = (1.0, 0.0, 0.0, 1.0, 10.0, 0.0)
    double = (2.0, 0.0, 0.0, 2.0, 0.0, 0.0)
    assert apply(multiply(shift, double), 1, 1) == (22, 2)
