### Display labels of enum values: one per GraphQL enum value, keyed enum-<Enum>-<VALUE>, in the order of schema.graphql. Keys match zh-CN/enums.ftl.

## AccountRole
enum-AccountRole-SECRETARIAT = Secretariat
enum-AccountRole-SCHOOL_STAFF = School staff
enum-AccountRole-ENTERPRISE_STAFF = Enterprise staff
enum-AccountRole-COMMITTEE_STAFF = Committee staff
enum-AccountRole-EVALUATOR = Third-party evaluator

## ApprenticeshipMode
enum-ApprenticeshipMode-WORK_STUDY_ALTERNATION = Work-study alternation
enum-ApprenticeshipMode-FULL_TIME_OFF_JOB = Full-time off the job
enum-ApprenticeshipMode-PART_TIME = Part-time

## ApprenticeshipStatus
enum-ApprenticeshipStatus-ACTIVE = Under way
enum-ApprenticeshipStatus-COMPLETED = Completed
enum-ApprenticeshipStatus-TERMINATED = Ended early
enum-ApprenticeshipStatus-WITHDRAWN = Withdrawn (no longer used)

## ArrangedBy
enum-ArrangedBy-SCHOOL = School
enum-ArrangedBy-HOST = Host unit
enum-ArrangedBy-STUDENT = Student
enum-ArrangedBy-INTERMEDIARY = Intermediary

## CommitteeKind
enum-CommitteeKind-COUNCIL = Council
enum-CommitteeKind-STANDING_COUNCIL = Standing council
enum-CommitteeKind-WORKING_COMMITTEE = Working committee
enum-CommitteeKind-TEACHING_STAFF_COMMITTEE = Teaching-staff committee

## CommitteeRole
enum-CommitteeRole-CHAIR = Chair
enum-CommitteeRole-DEPUTY = Deputy
enum-CommitteeRole-MEMBER = Member

## ComplianceRule
enum-ComplianceRule-SCHOOL_IN_FACTORY_BASE = Has a school-in-factory base
enum-ComplianceRule-PRACTICE_STATION_WITH_POSTS = Practice station with posts
enum-ComplianceRule-CAREER_MENTOR = Career mentor named
enum-ComplianceRule-CAMPUS_VISIT = Took part in a campus visit
enum-ComplianceRule-TEACHERS_SENT_TO_PRACTICE = Teachers sent to firms
enum-ComplianceRule-JOB_RECOMMENDATION_EVENT = Job recommendation held

## CouncilRole
enum-CouncilRole-CHAIR = Chair unit
enum-CouncilRole-VICE_CHAIR = Vice-chair unit
enum-CouncilRole-STANDING_MEMBER = Standing member unit
enum-CouncilRole-MEMBER = Council member unit

## CraftsmanRole
enum-CraftsmanRole-PART_TIME_TEACHER = Part-time specialty teacher
enum-CraftsmanRole-INTERNSHIP_SUPERVISOR = Internship supervisor

## DemandEventKind
enum-DemandEventKind-CREATED = Draft created
enum-DemandEventKind-UPDATED = Updated
enum-DemandEventKind-POSTED = Posted
enum-DemandEventKind-JOINED = Firm joined
enum-DemandEventKind-MATCHED = Matched
enum-DemandEventKind-REOPENED = Reopened
enum-DemandEventKind-CLOSED = Closed
enum-DemandEventKind-WITHDRAWN = Withdrawn

## DemandStatus
enum-DemandStatus-DRAFT = Draft
enum-DemandStatus-OPEN = Open
enum-DemandStatus-MATCHED = Matched
enum-DemandStatus-CLOSED = Closed
enum-DemandStatus-WITHDRAWN = Withdrawn

## District
enum-District-HUANCUI = Huancui district
enum-District-WENDENG = Wendeng district
enum-District-RONGCHENG = Rongcheng city
enum-District-RUSHAN = Rushan city
enum-District-TORCH_HIGH_TECH_ZONE = Torch high-tech zone
enum-District-ECONOMIC_DEVELOPMENT_ZONE = Economic development zone
enum-District-LINGANG_ZONE = Lingang development zone
enum-District-NANHAI_NEW_AREA = Nanhai new area

## EventKind
enum-EventKind-CAMPUS_VISIT = Campus visit
enum-EventKind-PARENTS_VISIT = Parents' visit
enum-EventKind-ENTERPRISE_WEEK = Enterprise week
enum-EventKind-JOB_RECOMMENDATION = Graduate job recommendation
enum-EventKind-CAREER_CLASS = Career class
enum-EventKind-SKILLS_COMPETITION = Skills competition
enum-EventKind-TECHNICAL_EDUCATION_WEEK = Technical-education activity week
enum-EventKind-WORLD_YOUTH_SKILLS_DAY = World Youth Skills Day
enum-EventKind-MODEL_WORKERS_ON_CAMPUS = Model workers and craftsmen on campus
enum-EventKind-FIRST_LESSON = First lesson of the school year

## EventRole
enum-EventRole-ORGANISER = Organiser
enum-EventRole-PARTICIPANT = Participant

## Gender
enum-Gender-MALE = Male
enum-Gender-FEMALE = Female

## MemberUnitKind
enum-MemberUnitKind-TECHNICIAN_COLLEGE = Technician college
enum-MemberUnitKind-SENIOR_TECHNICAL_SCHOOL = Senior technical school
enum-MemberUnitKind-TECHNICAL_SCHOOL = Technical school
enum-MemberUnitKind-VOCATIONAL_COLLEGE = Vocational college
enum-MemberUnitKind-SECONDARY_VOCATIONAL_SCHOOL = Secondary vocational school
enum-MemberUnitKind-ENTERPRISE = Enterprise
enum-MemberUnitKind-HR_SERVICE_AGENCY = HR-service agency
enum-MemberUnitKind-TRAINING_INSTITUTION = Training institution
enum-MemberUnitKind-PUBLIC_INSTITUTION = Public institution
enum-MemberUnitKind-RESEARCH_INSTITUTE = Research institute
enum-MemberUnitKind-INDUSTRY_ASSOCIATION = Industry association

## MemberUnitOrderField
enum-MemberUnitOrderField-LIST_ORDER = List order
enum-MemberUnitOrderField-NAME = Name
enum-MemberUnitOrderField-UPDATED_AT = Last updated

## OrderClassEventKind
enum-OrderClassEventKind-PROPOSED = Proposed
enum-OrderClassEventKind-UPDATED = Plan changed
enum-OrderClassEventKind-ACCEPTED = Plan accepted
enum-OrderClassEventKind-AGREED = Agreed
enum-OrderClassEventKind-RECRUITING = Recruiting started
enum-OrderClassEventKind-IN_TRAINING = Training started
enum-OrderClassEventKind-GRADUATED = Graduated
enum-OrderClassEventKind-CANCELLED = Cancelled
enum-OrderClassEventKind-ENROLLED = Student enrolled
enum-OrderClassEventKind-AGREEMENT_SIGNED = Agreement signed

## OrderClassRule
enum-OrderClassRule-ENTERPRISE_HOURS_AT_LEAST_HALF = Workshop hours at least 50%
enum-OrderClassRule-CORE_PRACTICE_AT_LEAST_150_PERCENT = Core practice at least 150%
enum-OrderClassRule-SEATS_POSITIVE = Planned seats above 0
enum-OrderClassRule-SPONSOR_SEATS_MATCH_PLAN = Sponsor seats match plan
enum-OrderClassRule-SPONSORS_ARE_ENTERPRISES = Sponsors are not schools

## OrderClassStatus
enum-OrderClassStatus-PROPOSED = Proposed
enum-OrderClassStatus-AGREED = Agreed
enum-OrderClassStatus-RECRUITING = Recruiting
enum-OrderClassStatus-IN_TRAINING = In training
enum-OrderClassStatus-GRADUATED = Graduated
enum-OrderClassStatus-CANCELLED = Cancelled

## OrderDirection
enum-OrderDirection-ASC = Ascending
enum-OrderDirection-DESC = Descending

## OutcomeStatus
enum-OutcomeStatus-EMPLOYED = Employed
enum-OutcomeStatus-FURTHER_STUDY = Further study
enum-OutcomeStatus-NOT_YET_EMPLOYED = Not yet employed

## PlacementRule
enum-PlacementRule-AGREEMENT_REQUIRED = Tripartite agreement required
enum-PlacementRule-CONSENT_REQUIRED = Informed consent required
enum-PlacementRule-SCHOOL_APPROVAL_REQUIRED = School approval for a student-arranged placement
enum-PlacementRule-FIRST_YEAR_STUDENT = No first-year students
enum-PlacementRule-UNDER_16 = Aged 16 or over
enum-PlacementRule-MINOR_FORBIDDEN_WORK = No forbidden work for minors
enum-PlacementRule-FEMALE_FORBIDDEN_WORK = No work forbidden to women for female students
enum-PlacementRule-FORBIDDEN_VENUE = No entertainment venues
enum-PlacementRule-INTERMEDIARY = No intermediaries
enum-PlacementRule-HEAVY_LABOUR = No labour of intensity level III or IV
enum-PlacementRule-PAY_BELOW_FLOOR = Pay at least 80% of post wage
enum-PlacementRule-NO_NIGHT_OR_OVERTIME = No night shifts or overtime
enum-PlacementRule-INSURANCE_REQUIRED = Liability insurance required
enum-PlacementRule-RATIO_HOST = Interns at most 10% of staff
enum-PlacementRule-RATIO_POST = Interns at most 20% per post
enum-PlacementRule-DURATION = About six months long
enum-PlacementRule-NO_FEES = No fees or ID holding

## PlacementStatus
enum-PlacementStatus-PLANNED = Planned
enum-PlacementStatus-ACTIVE = Active
enum-PlacementStatus-COMPLETED = Completed
enum-PlacementStatus-TERMINATED = Ended early

## RetentionGroup
enum-RetentionGroup-SCHOOL = By school
enum-RetentionGroup-DISTRICT = By district
enum-RetentionGroup-SPECIALTY = By specialty

## Severity
enum-Severity-BLOCKING = Blocking
enum-Severity-WARNING = Warning

## SiteKind
enum-SiteKind-FACTORY_IN_SCHOOL = Factory-in-school
enum-SiteKind-SCHOOL_IN_FACTORY = School-in-factory
enum-SiteKind-PUBLIC_TRAINING_BASE = Public training base
enum-SiteKind-INDUSTRY_EDUCATION_BASE = Industry-education base

## SiteStatus
enum-SiteStatus-PLANNED = Being built
enum-SiteStatus-OPERATING = Operating
enum-SiteStatus-CLOSED = Closed

## TargetGroup
enum-TargetGroup-REGULAR = Regular student
enum-TargetGroup-UNEMPLOYED_YOUTH = Unemployed youth
enum-TargetGroup-MIGRANT_WORKER = Migrant worker

## Term
enum-Term-SPRING = Spring term
enum-Term-AUTUMN = Autumn term

## UnitCategory
enum-UnitCategory-SCHOOL = School
enum-UnitCategory-ENTERPRISE = Enterprise
enum-UnitCategory-OTHER = Other

## UserErrorCode
enum-UserErrorCode-BLANK = Required value is blank
enum-UserErrorCode-TOO_LONG = Text too long
enum-UserErrorCode-TOO_LARGE = Value too large
enum-UserErrorCode-INVALID = Invalid format
enum-UserErrorCode-TAKEN = Already taken
enum-UserErrorCode-INVALID_CREDIT_CODE = Invalid credit code
enum-UserErrorCode-MUST_BE_NON_NEGATIVE = Must not be negative
enum-UserErrorCode-NOT_FOUND = Not found
enum-UserErrorCode-INVALID_CREDENTIALS = Wrong e-mail or password
enum-UserErrorCode-NOT_A_COMMITTEE_MEMBER = Not a committee member
enum-UserErrorCode-KIND_CONFLICTS_WITH_ACCOUNTS = Kind conflicts with accounts
enum-UserErrorCode-MUST_BE_POSITIVE = Must be at least 1
enum-UserErrorCode-INVALID_TRANSITION = Status change not allowed
enum-UserErrorCode-CANNOT_JOIN_OWN_DEMAND = Cannot join own demand
enum-UserErrorCode-ALREADY_JOINED = Already joined
enum-UserErrorCode-NOT_A_SCHOOL = Not a school
enum-UserErrorCode-DEMAND_NOT_OPEN = Demand not open
enum-UserErrorCode-SPONSOR_NOT_IN_DEMAND = Sponsor not in demand
enum-UserErrorCode-SPONSOR_NOT_ENTERPRISE = Not allowed to sponsor
enum-UserErrorCode-DUPLICATE_SPONSOR = Duplicate sponsor
enum-UserErrorCode-SPONSOR_SEATS_MISMATCH = Sponsor seats mismatch
enum-UserErrorCode-ENTERPRISE_HOURS_BELOW_HALF = Workshop hours below 50%
enum-UserErrorCode-CORE_PRACTICE_BELOW_150 = Core practice below 150%
enum-UserErrorCode-TARGET_GROUP_NOT_ALLOWED = Target group not allowed
enum-UserErrorCode-AGE_LIMIT_EXCEEDED = Age limit exceeded
enum-UserErrorCode-ALREADY_ENROLLED = Already enrolled
enum-UserErrorCode-CLASS_FULL = Class full
enum-UserErrorCode-NOT_A_SPONSOR = Not a sponsor
enum-UserErrorCode-GUARDIAN_SIGNATURE_REQUIRED = Guardian signature required
enum-UserErrorCode-INVALID_NATIONAL_ID = Invalid national ID
enum-UserErrorCode-AGREEMENT_REQUIRED = No tripartite agreement
enum-UserErrorCode-CONSENT_REQUIRED = No informed consent
enum-UserErrorCode-SCHOOL_APPROVAL_REQUIRED = School approval missing
enum-UserErrorCode-FIRST_YEAR_STUDENT = Year of study not allowed
enum-UserErrorCode-UNDER_16 = Under 16
enum-UserErrorCode-MINOR_FORBIDDEN_WORK = Forbidden work for a minor
enum-UserErrorCode-FEMALE_FORBIDDEN_WORK = Work forbidden to women
enum-UserErrorCode-FORBIDDEN_VENUE = Forbidden venue
enum-UserErrorCode-INTERMEDIARY = Arranged by intermediary
enum-UserErrorCode-HEAVY_LABOUR = Labour too heavy
enum-UserErrorCode-PAY_BELOW_FLOOR = Pay below 80% of post wage
enum-UserErrorCode-NO_NIGHT_OR_OVERTIME = Night shifts or overtime
enum-UserErrorCode-INSURANCE_REQUIRED = Insurance does not cover placement
enum-UserErrorCode-MALFORMED_FILE = Unreadable file
enum-UserErrorCode-TOO_MANY_ROWS = Too many rows
enum-UserErrorCode-WRONG_HOST_KIND = Wrong kind of host
enum-UserErrorCode-FIRM_PARTNER_REQUIRED = Firm partner required
enum-UserErrorCode-NO_PRACTICE_POST_LEFT = No practice post left
enum-UserErrorCode-SITE_NOT_OF_PLACEMENT = Site not of the school or host
enum-UserErrorCode-NOT_AN_ENTERPRISE = Not an enterprise
enum-UserErrorCode-NOT_A_TRAINING_PROVIDER = Not a training provider

## VenueType
enum-VenueType-WORKSHOP = Workshop
enum-VenueType-OFFICE = Office
enum-VenueType-RETAIL = Shop
enum-VenueType-HOSPITALITY = Hotel or restaurant
enum-VenueType-HEALTH_CARE = Hospital or care home
enum-VenueType-CONSTRUCTION_SITE = Construction site
enum-VenueType-LABORATORY = Laboratory
enum-VenueType-BAR_OR_NIGHTCLUB = Bar or nightclub
enum-VenueType-KTV = Karaoke (KTV)
enum-VenueType-BATH_CENTRE = Bath centre
enum-VenueType-GAME_HALL = Game hall
enum-VenueType-INTERNET_CAFE = Internet café
enum-VenueType-OTHER = Other

## MentorQualification
enum-MentorQualification-SENIOR_TECHNICIAN = Senior technician
enum-MentorQualification-MANAGER = Manager
enum-MentorQualification-OTHER = Other

## OrderClassDemandRole
enum-OrderClassDemandRole-POSTER = Poster
enum-OrderClassDemandRole-JOINER = Joiner

## OrderClassRole
enum-OrderClassRole-SCHOOL = School
enum-OrderClassRole-SPONSOR = Sponsor

## InternshipPlacementRole
enum-InternshipPlacementRole-SCHOOL = School
enum-InternshipPlacementRole-HOST = Host

## TrainingSiteRole
enum-TrainingSiteRole-HOST = Host
enum-TrainingSiteRole-PARTNER = Partner

## TeacherPracticeRole
enum-TeacherPracticeRole-SCHOOL = School
enum-TeacherPracticeRole-HOST = Host firm

## ApprenticeshipRole
enum-ApprenticeshipRole-FIRM = Firm
enum-ApprenticeshipRole-SCHOOL = School

## AuditSource
enum-AuditSource-API = API request
enum-AuditSource-IMPORT = Import
enum-AuditSource-CLI = Command line
enum-AuditSource-SYSTEM = System

## AuditAction
enum-AuditAction-CREATE = Created
enum-AuditAction-UPDATE = Changed
enum-AuditAction-DELETE = Deleted
enum-AuditAction-READ = Read personal data

## EvaluationIndicator
enum-EvaluationIndicator-SCHOOL_IN_FACTORY_BASE = School-in-factory base operating
enum-EvaluationIndicator-PRACTICE_STATION_WITH_POSTS = Teacher practice station offering posts
enum-EvaluationIndicator-CAREER_MENTOR = Career mentor named
enum-EvaluationIndicator-CAMPUS_VISIT = Campus visit taken part in
enum-EvaluationIndicator-TEACHERS_SENT_TO_PRACTICE = Teachers sent to practise in firms
enum-EvaluationIndicator-JOB_RECOMMENDATION_EVENT = Graduate job-recommendation event held
enum-EvaluationIndicator-RETENTION_IN_WEIHAI = Graduates employed in Weihai
enum-EvaluationIndicator-INTERNSHIP_POSTS = Internship posts (2% of staff)
enum-EvaluationIndicator-PARENTS_VISIT_EACH_TERM = Parents' visit every term
enum-EvaluationIndicator-ENTERPRISE_WEEK_EACH_TERM = Enterprise week every term
enum-EvaluationIndicator-ORDER_CLASS_GRADUATES_HIRED = Order-class graduates hired by their firms
enum-EvaluationIndicator-CULTURE_CORRIDOR = Enterprise-culture corridor

## EvaluationItemKind
enum-EvaluationItemKind-COMPUTED = Computed
enum-EvaluationItemKind-SCORED = Scored

## EvaluationScorer
enum-EvaluationScorer-COMMITTEE = Working committee
enum-EvaluationScorer-EVALUATOR = Third-party evaluator

## EvaluationStatus
enum-EvaluationStatus-DRAFT = Draft
enum-EvaluationStatus-SELF_ASSESSMENT = Self-assessment
enum-EvaluationStatus-REVIEW = Review
enum-EvaluationStatus-PUBLISHED = Published
enum-EvaluationStatus-REOPENED = Reopened

## TargetIndicator
enum-TargetIndicator-INDUSTRY_EDUCATION_BASES = Industry-education training bases
enum-TargetIndicator-PUBLIC_TRAINING_BASES = Public training bases
enum-TargetIndicator-SCHOOL_IN_FACTORY_BASES = School-in-factory bases
enum-TargetIndicator-FACTORY_IN_SCHOOL_SITES = Factory-in-school sites
enum-TargetIndicator-TEACHER_PRACTICE_STATIONS = Teacher practice stations
enum-TargetIndicator-ORDER_CLASSES = Order classes
enum-TargetIndicator-RESERVE_CRAFTSMEN = Weihai reserve craftsmen
enum-TargetIndicator-DEMONSTRATION_APPRENTICESHIP_BASES = Municipal demonstration apprenticeship bases
enum-TargetIndicator-CERTIFIED_ENTERPRISES = Certified industry-education enterprises
enum-TargetIndicator-COUNCIL_MEETINGS = Council meetings
enum-TargetIndicator-DUAL_QUALIFIED_SHARE = Dual-qualified teachers (share)

## TargetScope
enum-TargetScope-ALLIANCE = Whole alliance
enum-TargetScope-DISTRICT = One district
enum-TargetScope-UNIT_KIND = One unit kind
enum-TargetScope-MEMBER_UNIT = One member

## ResolutionStatus
enum-ResolutionStatus-OPEN = Open
enum-ResolutionStatus-DONE = Done
enum-ResolutionStatus-DROPPED = Dropped

## WorkPlanStatus
enum-WorkPlanStatus-PLANNED = Planned
enum-WorkPlanStatus-IN_PROGRESS = In progress
enum-WorkPlanStatus-DONE = Done
enum-WorkPlanStatus-DROPPED = Dropped

## ReserveCraftsmanStatus
enum-ReserveCraftsmanStatus-NOMINATED = Nominated
enum-ReserveCraftsmanStatus-SELECTED = Selected
enum-ReserveCraftsmanStatus-NOT_SELECTED = Not selected

## CertificationLevel
enum-CertificationLevel-MUNICIPAL = Municipal
enum-CertificationLevel-PROVINCIAL = Provincial
enum-CertificationLevel-NATIONAL = National

## CertificationStatus
enum-CertificationStatus-APPLIED = Applied
enum-CertificationStatus-CERTIFIED = Certified
enum-CertificationStatus-REJECTED = Rejected
enum-CertificationStatus-EXPIRED = Expired

## PlatformKind
enum-PlatformKind-QILU_SKILL_MASTER_STATION = Qilu skill-master station
enum-PlatformKind-WORLDSKILLS_PROVINCIAL_BASE = WorldSkills provincial training base
enum-PlatformKind-WORLDSKILLS_PROVINCIAL_KEY_BASE = WorldSkills provincial key training base
enum-PlatformKind-PROVINCIAL_QUALITY_SCHOOL = Provincial quality technical school
enum-PlatformKind-NATIONAL_HIGH_SKILL_TRAINING_BASE = National high-skill training base
enum-PlatformKind-NATIONAL_SKILL_MASTER_STUDIO = National skill-master studio
enum-PlatformKind-WORLDSKILLS_CHINA_BASE = WorldSkills China training base
enum-PlatformKind-MUNICIPAL_COMPETITION_BASE = Municipal competition base

## PlatformLevel
enum-PlatformLevel-MUNICIPAL = Municipal
enum-PlatformLevel-PROVINCIAL = Provincial
enum-PlatformLevel-NATIONAL = National

## SharedResourceKind
enum-SharedResourceKind-EQUIPMENT = Equipment
enum-SharedResourceKind-SITE = Site

## ResourceBookingStatus
enum-ResourceBookingStatus-REQUESTED = Requested
enum-ResourceBookingStatus-ACCEPTED = Accepted
enum-ResourceBookingStatus-DECLINED = Declined
enum-ResourceBookingStatus-CANCELLED = Cancelled

## ContestKind
enum-ContestKind-SKILLS = Skills contest
enum-ContestKind-TEACHER_ABILITY = Teacher-ability contest

## ContestLevel
enum-ContestLevel-MUNICIPAL_CLASS_1 = Municipal, class 1
enum-ContestLevel-MUNICIPAL_CLASS_2 = Municipal, class 2
enum-ContestLevel-PROVINCIAL = Provincial
enum-ContestLevel-NATIONAL = National
enum-ContestLevel-WORLD = WorldSkills

## ContestantKind
enum-ContestantKind-STUDENT = Student
enum-ContestantKind-TEACHER = Teacher
enum-ContestantKind-WORKER = Worker

## ContestAward
enum-ContestAward-GOLD = Gold / first prize
enum-ContestAward-SILVER = Silver / second prize
enum-ContestAward-BRONZE = Bronze / third prize
enum-ContestAward-EXCELLENCE = Excellence / honourable mention

## ResearchStatus
enum-ResearchStatus-APPROVED = Approved
enum-ResearchStatus-CONCLUDED = Concluded
enum-ResearchStatus-TERMINATED = Terminated

## SkillLevel
enum-SkillLevel-JUNIOR_WORKER = Junior worker (level 5)
enum-SkillLevel-INTERMEDIATE_WORKER = Intermediate worker (level 4)
enum-SkillLevel-SENIOR_WORKER = Senior worker (level 3)
enum-SkillLevel-TECHNICIAN = Technician (level 2)
enum-SkillLevel-SENIOR_TECHNICIAN = Senior technician (level 1)

## FundingDepartment
enum-FundingDepartment-HUMAN_RESOURCES = Human resources and social security
enum-FundingDepartment-INDUSTRY_AND_IT = Industry and information technology
enum-FundingDepartment-EMERGENCY_MANAGEMENT = Emergency management
enum-FundingDepartment-CULTURE_AND_TOURISM = Culture and tourism
enum-FundingDepartment-COMMERCE = Commerce
enum-FundingDepartment-AGRICULTURE_AND_RURAL = Agriculture and rural affairs
enum-FundingDepartment-TRADE_UNION = Trade union
