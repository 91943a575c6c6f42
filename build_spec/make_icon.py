"""Draw the app icon (社 on a rounded teal square) into resources/icons/ as PNG and ICO.

Run once after changing the design: `python build_spec/make_icon.py`; both files are committed.
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
SIZE = 256


def draw() -> Image.Image:
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((8, 8, SIZE - 8, SIZE - 8), radius=48, fill=(21, 111, 122, 255))
    font = ImageFont.truetype(str(ROOT / "resources/fonts/wqy-microhei.ttc"), 168, index=0)
    pen.text((SIZE / 2, SIZE / 2), "社", font=font, fill="white", anchor="mm")
    return image


if __name__ == "__main__":
    icons = ROOT / "resources" / "icons"
    icons.mkdir(exist_ok=True)
    image = draw()
    image.save(icons / "stationdesk.png", optimize=True)
    sizes = [(s, s) for s in (16, 24, 32, 48, 64, 128, 256)]
    image.save(icons / "stationdesk.ico", sizes=sizes)
