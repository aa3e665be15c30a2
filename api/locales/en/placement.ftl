# Internship placements, students, graduate outcomes and retention (api/src/placement/). Keys
# match zh-CN/placement.ftl.
# The rules are those of the national internship rules 2021 (docs/internship-rules.md).

## Reporting a placement (report.rs)

placement-student-number-unknown = no student of your school has this number
placement-member-unit-unknown = no member unit has this ID
placement-training-site-unknown = no training site has this ID
placement-training-site-not-of-placement = the training site is neither hosted nor partnered by the placement's school or host
placement-training-site-id-malformed = not the ID of a training site (copy it from the API, TrainingSite.id)
placement-host-name-blank = name the host (or give hostUnitId)
placement-host-other-school = another school cannot host your students
placement-host-fact-of-member = { $field } is given only for a host that is not a member: a member's staff and kind are the registry's
placement-host-staff-count-positive = hostStaffCount must be at least 1
placement-weekly-hours-range = weeklyHours is 0 to 168
placement-labour-intensity-range = labourIntensity must be 1 to 4 (GB 3869-1997 levels I–IV)
placement-pay-negative = pay and wage are 0 or more CNY
placement-post-staff-count-positive = postStaffCount is at least 1
placement-end-before-start = endDate is before startDate
placement-start-year-range = startDate must lie in the years 2000 to 2100
placement-too-long = a placement lasts at most { $days } days (three years)
placement-insurance-ends-before-start = insurance cover ends before it starts
placement-order-class-unknown = no order class of your school has this ID

## Status changes and the host's confirmation (transition.rs)

placement-unknown = no placement you may see has this ID
placement-forbidden-status-change = forbidden: only the student's school changes a placement's status
placement-student-not-found = not found: student
placement-termination-reason-blank = say why the placement ends
placement-cannot-transition = cannot { $action } a placement that is { $status }
placement-forbidden-confirm-host-only = forbidden: only the host unit confirms a placement
placement-forbidden-school-confirm = forbidden: a school never confirms a placement as its host: the host firm does
placement-ended = the placement has ended

## Students (student.rs)

placement-birth-date-range = dateOfBirth must lie between 1900-01-01 and yesterday
placement-year-of-study-range = yearOfStudy is 1 to 6
placement-national-id-birth-mismatch = the ID number's date of birth differs from dateOfBirth

## Graduate outcomes and retention (outcome.rs, retention.rs)

placement-outcome-employer-not-employed = only an employed graduate has an employer
placement-outcome-district-outside-weihai = a district is given only for work in Weihai
placement-graduation-year-range = graduationYear is 2000 to 2100
placement-forbidden-retention = forbidden: retention is seen by schools and the secretariat

## The plan's 2% rule (internship_posts.rs)

placement-forbidden-posts = forbidden: a firm's internship posts are seen by the firm and the secretariat
placement-member-unit-not-found = not found: member unit
placement-forbidden-offer-posts = forbidden: a firm's internship posts are declared by its own staff or the secretariat
placement-posts-year-range = year is 2000 to 2100
placement-posts-negative = posts is 0 or more
placement-posts-firms-only = { $name } is not a firm: internship posts are declared by enterprises (and units the secretariat marks to carry a firm's commitments)

## National internship rules: summaries without the student's figures, shown to a host (rules.rs)

placement-rule-summary-agreement-required = a signed tripartite agreement is required
placement-rule-summary-consent-required = informed consent is required
placement-rule-summary-school-approval-required = a placement the student arranged needs the school's approval
placement-rule-summary-first-year-student = the student's year of study does not allow 岗位实习
placement-rule-summary-under-16 = the student's age does not allow 岗位实习
placement-rule-summary-minor-forbidden-work = the post is not allowed for this student
placement-rule-summary-female-forbidden-work = the post is work forbidden to women and may not be given to this student
placement-rule-summary-heavy-labour = the post is of physical-labour intensity level III or above, which no student may do
placement-rule-summary-forbidden-venue = the venue is forbidden for student internships
placement-rule-summary-intermediary = the placement may not go through an intermediary
placement-rule-summary-pay-below-floor = pay is below 80% of the post's wage
placement-rule-summary-no-night-or-overtime = no night shifts, overtime or holiday work
placement-rule-summary-insurance-required = liability insurance must cover the whole placement
placement-rule-summary-ratio-host = interns exceed 10% of the host's staff
placement-rule-summary-ratio-post = interns exceed 20% of the staff on the post
placement-rule-summary-duration = the placement is far from the usual six months
placement-rule-summary-no-fees = the host has not attested that it charges no fees

## National internship rules: findings with their figures (rules.rs)

placement-rule-no-agreement = no signed tripartite agreement is recorded
placement-rule-guardian-signature = the student is { $age } on the start date: the guardian must sign the agreement too
placement-rule-no-consent = the student's informed consent is not recorded
placement-rule-no-school-approval = the student arranged this placement: it needs the school's approval of the student's application (applicationApprovedOn)
placement-rule-guardian-consent = the student is { $age } on the start date: the guardian's informed consent is needed too
placement-rule-first-year-student = first-year students may not do 岗位实习
placement-rule-year-of-study-unknown = the student's year of study is not recorded
placement-rule-under-16 = the student is { $age } on the start date; the minimum is 16
placement-rule-minor-forbidden-work = the post is hazardous and the student is { $age }
placement-rule-female-forbidden-work = the post is work forbidden to female workers (《女职工劳动保护特别规定》) and the student is female
placement-rule-heavy-labour = the post is of physical-labour intensity level { $level } (GB 3869-1997); students may not do level III or IV work
placement-rule-forbidden-venue = { $venue } is a forbidden venue
placement-rule-intermediary = the placement was arranged by an intermediary
placement-rule-agency-works-elsewhere = an HR-service agency hosts the student while the student works at another firm
placement-rule-pay-below-floor = pay { $pay } CNY is below 80% of the post's wage { $wage } CNY
placement-rule-schedule = schedule: { $hours } h/week{ $extra ->
        [night] , night shifts
        [overtime] , overtime or holiday work
        [both] , night shifts, overtime or holiday work
       *[other] {""}
    }
placement-rule-insurance-required = no liability insurance covering the whole placement
placement-rule-ratio-host = { $interns } interns for { $staff } staff at the host: more than 10%
placement-rule-ratio-post = { $interns } interns for { $staff } staff on the post: more than 20%
placement-rule-duration = { $months } months; 岗位实习 normally lasts about 6
placement-rule-no-fees = the host has not attested that it charges no fees and holds no ID cards

## Archiving a student (issue 12)
placement-student-unknown = no student has this ID
placement-forbidden-student-other-school = forbidden: only the student's school archives the student
placement-student-archived = the student is already archived
