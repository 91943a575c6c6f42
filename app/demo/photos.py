"""Photos for a few of the demo's recent activities (drawn, not taken: coloured scenes with
no person in them), so the activity records and the evidence pack show photos."""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.services.community.photos import copy_in, default_photo_folder
from app.services.context import Actor
from app.store.models import Activity, ActivityPhoto

PER_ACTIVITY = 2
ACTIVITIES = 12
_COLOURS = ((214, 96, 77), (96, 160, 110), (80, 130, 190), (230, 180, 70), (150, 110, 170))


def add_photos(
    session: Session, actor: Actor, since: dt.date, *, seed: int, folder: Path | None = None
) -> int:
    """Photos for the station's latest activities held since `since`; returns how many."""
    folder = folder or default_photo_folder()
    rng = random.Random(seed)
    activities = session.scalars(
        select(Activity)
        .where(Activity.station_id == actor.station_id, Activity.held_on >= since)
        .order_by(Activity.held_on.desc(), Activity.id)
        .limit(ACTIVITIES)
    ).all()
    added = 0
    with tempfile.TemporaryDirectory() as scratch:
        for activity in activities:
            for n in range(1, PER_ACTIVITY + 1):
                source = Path(scratch) / f"{activity.id}-{n}.jpg"
                _draw(rng).save(source, quality=80)
                name, sha256 = copy_in(source, folder, ".jpg")
                session.add(
                    ActivityPhoto(
                        station_id=actor.station_id, activity_id=activity.id, file_name=name,
                        caption=f"{activity.title}（{n}）", sha256=sha256,
                        created_by_id=actor.user_id, updated_by_id=actor.user_id,
                    )
                )  # fmt: skip
                added += 1
    session.flush()
    return added


def _draw(rng: random.Random) -> Image.Image:
    sky, ground = rng.sample(_COLOURS, 2)
    image = Image.new("RGB", (480, 320), sky)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 210, 480, 320), fill=ground)
    for _ in range(4):
        x, y = rng.randrange(20, 420), rng.randrange(60, 180)
        draw.ellipse((x, y, x + 40, y + 40), fill=rng.choice(_COLOURS))
    return image
