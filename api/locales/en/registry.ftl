# The member registry: member units and committee seats. Keys match zh-CN/registry.ftl.

registry-member-unit-not-found = no member unit has this ID
registry-committee-not-found = no committee has this ID
registry-not-a-committee-member = the unit holds no seat on this committee
registry-name-and-kind-required = name and kind are required
registry-name-taken = another member unit has this name
registry-uscc-taken = another member unit has this credit code
registry-employee-count-negative = employeeCount must be 0 or more
registry-contact-phone-invalid = contactPhone may hold digits, spaces, + - ( ) and 转 (extension), at most { $max } characters
registry-kind-conflicts-with-accounts = { $count } account(s) of another sort act for this unit; move them first
registry-school-may-not-sponsor = a school runs order classes and may not sponsor one
registry-school-carries-no-firm-commitments = a school answers a school's commitments, not a firm's
