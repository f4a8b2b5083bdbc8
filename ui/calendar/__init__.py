"""The calendar: meetings, interventions, démarche due dates and follow-ups by month and
as an agenda; the .ics export; what is due this week."""
