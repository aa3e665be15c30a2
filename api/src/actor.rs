//! Who a request acts as, and the questions every core operation asks of it before acting.

use entity::account;
use entity::enums::AccountRole;
use uuid::Uuid;

use crate::error::Error;

/// Who a request acts as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// No token.
    Anonymous,
    /// A valid token of an enabled account.
    Account {
        /// Account id.
        id: Uuid,
        /// Role, as stored now.
        role: AccountRole,
        /// The unit it acts for (`None` for the secretariat, committee staff and evaluators).
        unit: Option<Uuid>,
        /// The committee a COMMITTEE_STAFF account acts for (`None` for every other role).
        committee: Option<Uuid>,
    },
}

impl Actor {
    /// The caller's role for logs: `ANONYMOUS`, or the account's role.
    pub fn role_name(&self) -> &'static str {
        match self {
            Actor::Anonymous => "ANONYMOUS",
            Actor::Account { role, .. } => match role {
                AccountRole::Secretariat => "SECRETARIAT",
                AccountRole::SchoolStaff => "SCHOOL_STAFF",
                AccountRole::EnterpriseStaff => "ENTERPRISE_STAFF",
                AccountRole::CommitteeStaff => "COMMITTEE_STAFF",
                AccountRole::Evaluator => "EVALUATOR",
            },
        }
    }

    /// Whether the caller presented a valid token.
    pub fn is_authenticated(&self) -> bool {
        matches!(self, Self::Account { .. })
    }

    /// Whether the caller may read the alliance's shared records (sites, stations, order classes,
    /// published demand, events …): any account but an EVALUATOR, which reads only the rounds it
    /// is invited to (`docs/committees.md`, Roles).
    pub fn reads_shared(&self) -> bool {
        self.is_authenticated() && !self.is_evaluator()
    }

    /// Whether the caller is an EVALUATOR account.
    pub fn is_evaluator(&self) -> bool {
        matches!(
            self,
            Self::Account {
                role: AccountRole::Evaluator,
                ..
            }
        )
    }

    /// The committee a COMMITTEE_STAFF caller acts for; `None` for anyone else.
    pub fn committee(&self) -> Option<Uuid> {
        match self {
            Self::Account {
                role: AccountRole::CommitteeStaff,
                committee,
                ..
            } => *committee,
            _ => None,
        }
    }

    /// Whether the caller reads the alliance-wide views and aggregates: the secretariat and
    /// committee staff (`docs/committees.md`, Roles). No such view carries students' personal
    /// data.
    pub fn reads_aggregates(&self) -> bool {
        self.is_secretariat() || self.committee().is_some()
    }

    /// Nothing when the caller reads the alliance-wide aggregates ([`Self::reads_aggregates`]);
    /// else `UNAUTHENTICATED` anonymously, `FORBIDDEN` for any other role.
    ///
    /// # Errors
    /// As above.
    pub fn require_aggregates(&self) -> Result<(), Error> {
        if self.reads_aggregates() {
            Ok(())
        } else {
            Err(self.refused(crate::msg!("forbidden-committees-only")))
        }
    }

    /// Whether the caller is the secretariat.
    pub fn is_secretariat(&self) -> bool {
        matches!(
            self,
            Self::Account {
                role: AccountRole::Secretariat,
                ..
            }
        )
    }

    /// The unit the caller acts for, if any (`None` anonymously and for the secretariat).
    pub fn unit(&self) -> Option<Uuid> {
        match self {
            Self::Account { unit, .. } => *unit,
            Self::Anonymous => None,
        }
    }

    /// The school a SCHOOL_STAFF caller acts for; `None` for anyone else.
    pub fn school(&self) -> Option<Uuid> {
        self.unit_as(AccountRole::SchoolStaff)
    }

    /// The firm (or other non-school unit) an ENTERPRISE_STAFF caller acts for; `None` for anyone
    /// else.
    pub fn firm(&self) -> Option<Uuid> {
        self.unit_as(AccountRole::EnterpriseStaff)
    }

    fn unit_as(&self, wanted: AccountRole) -> Option<Uuid> {
        match self {
            Self::Account {
                role,
                unit: Some(u),
                ..
            } if *role == wanted => Some(*u),
            _ => None,
        }
    }

    /// The school the caller acts for, or why it may not act as one (`UNAUTHENTICATED`
    /// anonymously, `FORBIDDEN` for any other role).
    ///
    /// # Errors
    /// As above.
    pub fn require_school(&self) -> Result<Uuid, Error> {
        self.school()
            .ok_or_else(|| self.refused(crate::msg!("forbidden-school-staff-only")))
    }

    /// The firm the caller acts for, or why it may not act as one (`UNAUTHENTICATED` anonymously,
    /// `FORBIDDEN` for any other role).
    ///
    /// # Errors
    /// As above.
    pub fn require_firm(&self) -> Result<Uuid, Error> {
        self.firm()
            .ok_or_else(|| self.refused(crate::msg!("forbidden-enterprise-staff-only")))
    }

    /// Nothing when the caller is the secretariat; else why not (`UNAUTHENTICATED` anonymously,
    /// `FORBIDDEN` for any other role).
    ///
    /// # Errors
    /// As above.
    pub fn require_secretariat(&self) -> Result<(), Error> {
        if self.is_secretariat() {
            Ok(())
        } else {
            Err(self.refused(crate::msg!("forbidden-secretariat-only")))
        }
    }

    /// `UNAUTHENTICATED` for an anonymous caller, else `FORBIDDEN` with `why`.
    pub fn refused(&self, why: crate::i18n::Message) -> Error {
        match self {
            Self::Anonymous => Error::Unauthenticated,
            Self::Account { .. } => Error::Forbidden(why),
        }
    }

    /// The caller's account id, if any.
    pub fn account_id(&self) -> Option<Uuid> {
        match self {
            Self::Account { id, .. } => Some(*id),
            Self::Anonymous => None,
        }
    }
}

impl Actor {
    /// The command line acting for a unit it names (`api import … --unit`): whoever runs it holds
    /// the database's credentials, so may act for any unit; it acts in `role` for `unit`.
    pub fn operator(role: AccountRole, unit: Uuid) -> Self {
        Self::Account {
            id: Uuid::nil(),
            role,
            unit: Some(unit),
            committee: None,
        }
    }
}

impl From<&account::Model> for Actor {
    /// The actor of an account as stored now (role and unit are read from the row, never the
    /// token).
    fn from(a: &account::Model) -> Self {
        Self::Account {
            id: a.id,
            role: a.role,
            unit: a.member_unit_id,
            committee: a.committee_id,
        }
    }
}
