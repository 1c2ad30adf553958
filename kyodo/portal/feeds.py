"""iCalendar for events (all, and per project) and Atom for news; entries link to their pages."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse, reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from kyodo.core.normalize import printable_text
from kyodo.portal.markdown import plain_text
from kyodo.portal.selectors import public_news

TOKYO = ZoneInfo(settings.TIME_ZONE)


def _start_end(event):
    """(dtstart, dtend): aware datetimes in Asia/Tokyo, or dates for all-day events."""
    if event.start_time is None:
        # An all-day event: iCalendar's DTEND is exclusive, hence the day after.
        return event.start_date, event.end_date + timedelta(days=1)
    start = datetime.combine(event.start_date, event.start_time, tzinfo=TOKYO)
    end_time = event.end_time or (event.start_time if event.end_date > event.start_date else None)
    if end_time is None:
        return start, start + timedelta(hours=1)
    end = datetime.combine(event.end_date, end_time, tzinfo=TOKYO)
    return start, max(end, start)


def _meeting_entry(meeting, base_url: str):
    """A public council meeting as an event: its council, title, place and agenda only."""
    entry = icalendar.Event()
    entry.add("uid", f"{meeting.pk}@kyodo-councils")
    entry.add("dtstamp", meeting.updated_at)
    entry.add("last-modified", meeting.updated_at)
    entry.add("dtstart", meeting.starts_at.astimezone(TOKYO))
    entry.add(
        "dtend", (meeting.ends_at or meeting.starts_at + timedelta(hours=2)).astimezone(TOKYO)
    )
    entry.add("summary", printable_text(f"{meeting.council.name} {meeting.title}"))
    entry.add("location", printable_text(meeting.place))
    page = base_url + reverse("councils:public_meeting", args=[meeting.pk])
    entry.add("url", page)
    entry.add("description", printable_text(f"{meeting.agenda}\n\n{page}"))
    return entry


def events_calendar(events, *, name: str, base_url: str, meetings=()) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Kyodo//portal//JA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for event in events:
        start, end = _start_end(event)
        entry = icalendar.Event()
        entry.add("uid", f"{event.pk}@kyodo")
        entry.add("dtstamp", event.updated_at)
        entry.add("last-modified", event.updated_at)
        entry.add("dtstart", start)
        entry.add("dtend", end)
        entry.add("summary", event.title)
        entry.add("location", " ".join(filter(None, [event.place_name, event.address])))
        page = base_url + reverse("portal:event_detail", args=[event.pk])
        entry.add("url", page)
        entry.add("description", f"{event.description}\n\n{page}")
        if event.latitude is not None and event.longitude is not None:
            entry.add("geo", (float(event.latitude), float(event.longitude)))
        calendar.add_component(entry)
    for meeting in meetings:
        calendar.add_component(_meeting_entry(meeting, base_url))
    calendar.add_missing_timezones()
    return calendar.to_ical()


class NewsFeed(Feed):
    feed_type = Atom1Feed
    title = _("News from the Kyodo collaboration portal")
    subtitle = _("News from the city and its partners about collaborative projects.")
    link = reverse_lazy("portal:news_list")

    def items(self):
        return public_news()[:50]

    # Stored text may hold characters XML cannot carry (typed before cleaning existed, or
    # through the admin): the feed drops them rather than fail for everyone.
    def item_title(self, item):
        return printable_text(item.title)

    def item_description(self, item):
        return printable_text(plain_text(item.body))

    def item_link(self, item):
        return reverse("portal:news_detail", args=[item.pk])

    def item_pubdate(self, item):
        return datetime.combine(item.publish_on, time(0), tzinfo=TOKYO)

    def item_updateddate(self, item):
        return item.updated_at
