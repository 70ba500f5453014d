-- iCalendar SEQUENCE of the workshop and of the check-in series: raised by every reschedule, so calendars update the event.
alter table engagement add column workshop_sequence integer not null default 0;
alter table engagement add column check_in_sequence integer not null default 0;
