# The plan's commitments (api/src/plan/): training sites, teacher practice stations, craftsmen,
# career mentors, apprenticeships, yearly events. Keys match zh-CN/plan.ftl.

## Which unit the caller acts for (acting.rs)

plan-unit-required = the secretariat names the unit: give { $field }
plan-forbidden-school-staff-only = forbidden: only school staff (or the secretariat) may do this
plan-forbidden-firm-staff-only = forbidden: only a firm's staff (or the secretariat) may do this
plan-forbidden-own-unit-only = forbidden: staff act for their own unit only
plan-forbidden-no-unit = forbidden: the account acts for no unit

## Shared

plan-end-before-start = endDate is before startDate
plan-member-unit-unknown = no member unit has this ID

## Apprenticeships (apprenticeship.rs)

plan-apprenticeship-partner-not-school = the partner is a school

## Craftsmen (craftsman.rs)

plan-craftsman-firm-only = craftsmen are lent by firms
plan-hours-positive = hours is at least 1
plan-craftsman-unknown = no craftsman has this ID
plan-craftsman-school-only = craftsmen are assigned to schools
plan-assignment-unknown = no craftsman assignment has this ID
plan-forbidden-assignment-answer = forbidden: only the craftsman's firm (or the secretariat) answers an assignment
plan-assignment-declined = the firm declined this assignment; it cannot be confirmed
plan-assignment-confirmed = the firm confirmed this assignment; it can no longer be declined

## Yearly events (event.rs)

plan-forbidden-event-organiser = forbidden: staff record events their own unit organised
plan-event-organiser-required = name at least one organiser
plan-participants-count-negative = participantsCount is 0 or more
plan-event-unit-unknown = an organiser or participant is not a member unit
plan-event-unknown = no event has this ID
plan-forbidden-event-confirm = forbidden: only a unit named in the event confirms its part

## Career mentors (mentor.rs)

plan-mentor-firm-only = career mentors are named by firms
plan-mentor-unknown = no career mentor has this ID
plan-forbidden-career-class = forbidden: the mentor's firm or the school records a career class
plan-career-class-school-only = career classes are taught at schools

## Training sites (site.rs)

plan-student-capacity-negative = studentCapacity is 0 or more
plan-factory-in-school-host = a factory-in-school (校中厂) is hosted by a school
plan-school-in-factory-host = a school-in-factory (厂中校) is hosted by a firm or other non-school unit
plan-partner-duplicate = a partner is listed twice, or is the host
plan-firm-partner-required = a factory-in-school (校中厂) needs at least one firm partner that brings the production line
plan-forbidden-host-only = forbidden: only the host unit's staff (or the secretariat) may do this
plan-site-unknown = no training site has this ID

## Teacher practice stations and teachers' practice (station.rs)

plan-station-firm-only = stations are hosted by firms
plan-station-unknown = no station has this ID
plan-posts-negative = posts is 0 or more
plan-year-range = year is 2000 to 2100
plan-posts-below-booked = { $booked } teachers are booked already
plan-days-on-site-range = daysOnSite is 0 to { $span }
plan-teacher-not-from-school = teachers come from schools
plan-no-post-left = the station offers { $offered } post(s) for { $specialty } in { $year }, all taken
plan-practice-unknown = no teacher practice has this ID
plan-forbidden-practice-confirm = forbidden: only the station's host confirms a teacher's practice
plan-forbidden-practice-decline = forbidden: only the station's host (or the secretariat) declines a booking
plan-practice-declined = the host declined this booking; it cannot be confirmed
plan-practice-confirmed = the host confirmed this stint; it can no longer be declined

## Corrections, archives and withdrawals (issue 12)
plan-apprenticeship-unknown = no apprenticeship has this ID
plan-forbidden-event-organiser-only = forbidden: only an organiser of the event (or the secretariat) may change it
plan-already-archived = already archived
plan-forbidden-assignment-withdraw = forbidden: only the school that recorded the assignment (or the secretariat) withdraws it
plan-assignment-withdrawn = the school withdrew this assignment
plan-apprenticeship-end-required = the planned last day is required
plan-apprenticeship-not-active = the apprenticeship is { $status }: only an ACTIVE one can end
plan-ended-in-future = the last day cannot be after today
plan-craftsman-archived = the craftsman has left the pool (archived)
plan-station-archived = the station is archived
plan-site-archived = the training site is archived
