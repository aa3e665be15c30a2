# Order classes: demand, proposals, acceptance, status changes, enrolment, the plan's rules.
# Keys match zh-CN/order-class.ftl.

## Demand

order-class-demand-not-found = no order-class demand you may see has this ID
order-class-demand-field-required = { $field } is required
order-class-demand-start-year-invalid = startYear must be a year between 2000 and 2100
order-class-demand-pay-negative = pay must be 0 or more CNY
order-class-demand-pay-range = payMax is below payMin
order-class-demand-age-limit-invalid = ageLimit must be at least { $min } years (Labour Law art. 15: no one under 16 may be recruited)
order-class-demand-change-forbidden = forbidden: only the posting firm may change its demand
order-class-demand-cannot-change = a demand that is { $status } cannot be changed
order-class-demand-transition-forbidden = forbidden: only the posting firm may move its demand
order-class-demand-cannot-transition = cannot { $action ->
        [publish] publish
        [withdraw] withdraw
       *[other] close
    } a demand that is { $status }
order-class-demand-cannot-transition-answered = cannot { $action ->
        [publish] publish
        [withdraw] withdraw
       *[other] close
    } a demand that is { $status } that agreed classes answer
order-class-demand-join-own = a firm cannot join its own demand
order-class-demand-join-not-open = only an OPEN demand can be joined; this one is { $status }
order-class-demand-already-joined = your firm has joined this demand already

## Proposing a class and changing its plan

order-class-must-be-positive = { $field } must be at least 1
order-class-school-required = the secretariat names the school
order-class-propose-forbidden = forbidden: only school staff or the secretariat propose order classes
order-class-propose-other-school = forbidden: school staff propose classes for their own school
order-class-demand-id-required = school staff answer a demand: give demandId
order-class-cohort-year-invalid = cohortYear must be between 2000 and 2100
order-class-sponsor-required = an order class needs at least one sponsoring firm
order-class-sponsor-duplicate = this firm is listed twice
order-class-sponsor-seats-mismatch = sponsors take { $taken } seats but { $planned } are planned
order-class-school-not-a-school = order classes are run by schools
order-class-sponsor-may-not = { $name } may not sponsor order classes: sponsors are enterprises and HR-service agencies, or units the secretariat allows
order-class-demand-not-open = the demand is { $status }; only OPEN demand can be answered
order-class-sponsor-not-in-demand = this firm does not take part in the demand
order-class-not-found = no order class has this ID
order-class-school-only = forbidden: only staff of the class's school may do this
order-class-plan-locked = only a PROPOSED class's plan can change
order-class-plan-hours-negative = { $field } must be 0 or more hours
order-class-plan-workshop-exceeds-total = enterprise workshop hours exceed the total specialty hours

## Acceptance and status changes

order-class-accept-forbidden = forbidden: only the class's school and its sponsoring firms accept its plan
order-class-cannot-accept = a class that is { $status } cannot be accepted
order-class-demand-no-longer-open = the demand this class answers is no longer OPEN
order-class-cancel-reason-blank = say why the class is cancelled
order-class-cannot-transition = cannot { $action ->
        [start-recruiting] start recruiting for
        [start-training] start training
        [graduate] graduate
       *[other] cancel
    } a class that is { $status }

## Enrolment and tripartite agreements

order-class-full = no seat is left in this class
order-class-already-enrolled = this student is enrolled in the class already
order-class-birth-date-not-past = dateOfBirth must be in the past
order-class-enrol-not-recruiting = students are enrolled while a class is RECRUITING; this one is { $status }
order-class-target-group-not-allowed = the demand does not open this class to { $group }
order-class-age-limit-exceeded = the student will be { $age } at the class's start; the limit is { $limit }
order-class-enrolment-not-found = no enrolment has this ID
order-class-not-a-sponsor = the firm does not sponsor this class
order-class-signed-on-future = signedOn is in the future
order-class-guardian-signature-required = the student is a minor on the signing day: the guardian signs too

## The plan's rules (Ten Measures (5)): the figures behind each verdict

order-class-rule-enterprise-hours = { $workshop } of { $total } specialty hours in enterprise workshops; at least 50% required
order-class-rule-core-practice = { $core } core practice hours against { $ordinary } in an ordinary class; at least 150% required
order-class-rule-seats = { $seats } planned seats
order-class-rule-sponsor-seats = sponsors take { $taken } seats of { $planned } planned
order-class-rule-no-sponsor = no sponsoring firm
order-class-rule-sponsors-ok = every sponsor may sponsor order classes
order-class-rule-sponsors-not-enterprises = may not sponsor order classes: { $names }
