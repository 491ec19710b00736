"""Demo photos drawn with Pillow: a simple scene (sky, shapes) per story, so the demo needs no stock images."""

import io
import random

from PIL import Image, ImageDraw, ImageFont

SIZE = (1600, 900)
FONT_PATHS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
)


def _font(size):
    for path in FONT_PATHS:
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    return ImageFont.load_default()


def _gradient(draw, top, bottom, height=SIZE[1]):
    for y in range(height):
        t = y / height
        draw.line(
            [(0, y), (SIZE[0], y)],
            fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=False)),
        )


def _skyline(draw, rng, colour):
    x = 0
    while x < SIZE[0]:
        w, h = rng.randint(60, 170), rng.randint(180, 560)
        draw.rectangle([x, SIZE[1] - h, x + w, SIZE[1]], fill=colour)
        for wy in range(SIZE[1] - h + 20, SIZE[1] - 20, 36):
            for wx in range(x + 12, x + w - 16, 28):
                if rng.random() < 0.45:
                    draw.rectangle([wx, wy, wx + 12, wy + 18], fill=(250, 220, 140))
        x += w + rng.randint(4, 20)


def _sea(draw, rng, colour):
    draw.rectangle([0, 560, SIZE[0], SIZE[1]], fill=colour)
    for y in range(580, SIZE[1], 28):
        for x in range(-40, SIZE[0], 120):
            off = rng.randint(-20, 20)
            draw.arc([x + off, y, x + off + 100, y + 24], 200, 340, fill=(230, 240, 250), width=3)
    draw.polygon([(600, 560), (1040, 560), (980, 620), (660, 620)], fill=(60, 45, 40))
    draw.rectangle([760, 470, 880, 560], fill=(235, 235, 225))


def _mountains(draw, rng, colour):
    for layer in range(3):
        shade = tuple(min(255, c + 35 * layer) for c in colour)
        base = 900 - layer * 90
        points = [(0, SIZE[1])]
        for x in range(0, SIZE[0] + 200, 200):
            points.append((x, base - rng.randint(200, 420) + layer * 60))
        points.append((SIZE[0], SIZE[1]))
        draw.polygon(points, fill=shade)


def _chart(draw, rng, colour):
    draw.rectangle([120, 120, 1480, 780], outline=(255, 255, 255), width=4)
    value = 500
    points = []
    for _i, x in enumerate(range(160, 1460, 100)):
        height = rng.randint(80, 520)
        draw.rectangle([x, 780 - height, x + 60, 780], fill=colour)
        value += rng.randint(-60, 80)
        points.append((x + 30, max(160, min(740, 900 - value))))
    draw.line(points, fill=(255, 215, 90), width=8, joint="curve")


def _stage(draw, rng, colour):
    for i in range(5):
        cx = 250 + i * 280
        draw.polygon(
            [(cx, 0), (cx - 180, SIZE[1]), (cx + 180, SIZE[1])],
            fill=tuple(min(255, c + 40) for c in colour),
        )
    for x in range(0, SIZE[0], 70):
        r = rng.randint(28, 40)
        draw.ellipse([x, 800 - r, x + 2 * r, 800 + r], fill=(20, 20, 30))
    draw.rectangle([0, 830, SIZE[0], SIZE[1]], fill=(20, 20, 30))


def _rail(draw, rng, colour):
    vanish = (SIZE[0] // 2, 380)
    for x in (300, 700, 900, 1300):
        draw.line([(x, SIZE[1]), vanish], fill=(70, 70, 70), width=14)
    for i in range(1, 14):
        t = i / 14
        y = vanish[1] + (SIZE[1] - vanish[1]) * t * t
        half = 20 + 700 * t * t
        draw.line(
            [(vanish[0] - half, y), (vanish[0] + half, y)],
            fill=(110, 80, 60),
            width=max(2, int(14 * t)),
        )
    draw.rectangle([1100, 300, 1560, 560], fill=colour)
    for wx in range(1120, 1540, 70):
        draw.rectangle([wx, 330, wx + 50, 400], fill=(200, 230, 250))


def _crowd(draw, rng, colour):
    for row in range(6):
        y = 520 + row * 70
        for x in range(-30, SIZE[0], 64):
            jitter = rng.randint(-14, 14)
            shade = tuple(max(0, c - row * 12 + rng.randint(-20, 20)) for c in colour)
            draw.ellipse([x + jitter, y - 40, x + jitter + 52, y + 12], fill=shade)
            draw.rectangle([x + jitter - 6, y + 10, x + jitter + 58, y + 140], fill=shade)


SCENES = {
    "skyline": _skyline,
    "sea": _sea,
    "mountains": _mountains,
    "chart": _chart,
    "stage": _stage,
    "rail": _rail,
    "crowd": _crowd,
}


def demo_photo(*, scene, title, sky=((40, 70, 120), (240, 170, 110)), colour=(30, 40, 60), seed=0):
    """A 1600×900 JPEG of the scene with the story's title set small in a corner, as bytes."""
    rng = random.Random(seed)
    image = Image.new("RGB", SIZE)
    draw = ImageDraw.Draw(image)
    _gradient(draw, sky[0], sky[1])
    sun = rng.randint(200, 1400)
    draw.ellipse([sun, 90, sun + 140, 230], fill=(255, 236, 180))
    SCENES[scene](draw, rng, colour)
    label = _font(34)
    draw.rectangle(
        [0, SIZE[1] - 64, min(SIZE[0], 40 + int(draw.textlength(title, font=label))), SIZE[1]],
        fill=(0, 0, 0),
    )
    draw.text((20, SIZE[1] - 54), title, font=label, fill=(255, 255, 255))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85, optimize=True)
    return out.getvalue()
