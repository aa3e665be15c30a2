# Common messages: authentication, internal errors, field checks. Keys match zh-CN/core.ftl.
error-unauthenticated = authentication required: send `Authorization: Bearer <token>` from `login`
error-internal = internal error: the details are in the server log under the request id
year-invalid = { $year } is not a year
field-blank = { $field } is blank
field-too-long = { $field } is longer than { $max } characters
field-taken = { $field } is already taken
error-throttled = too many attempts: retry in { $seconds } s
error-unavailable = the database is unavailable for now: retry shortly
forbidden-secretariat-only = forbidden: only the secretariat may do this
login-invalid-credentials = e-mail or password is wrong
forbidden-school-staff-only = forbidden: only school staff may do this, for their own school
forbidden-enterprise-staff-only = forbidden: only enterprise staff may do this, for their own unit
forbidden-committees-only = forbidden: only the secretariat and committee staff may read this
forbidden-evaluator-rounds-only = forbidden: an evaluator's account reads only the evaluation rounds it is invited to
