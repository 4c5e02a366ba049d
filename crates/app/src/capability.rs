//! Capabilities: proof, as a value, that the signed-in actor may do something. A use case that
//! needs a right takes its capability as an argument, so calling it without the check does
//! not compile. The check itself is made in one place, [`Actor::grant`] (over
//! [`role_allows`], the one table of who may do what). The web guard first refuses a request
//! whose role lacks the route's declared permission (the route registry drives that check, the
//! OpenAPI document and the authorisation matrix test); the handler then mints the capability
//! its use case asks for. The CLI mints the local administrator's ([`Actor::local`]).
//!
//! * [`Can<R>`]: the actor holds the tenant-wide right `R` (e.g. [`ManageResults`]).
//! * [`About<R>`]: the actor may use the personal right `R` about one employee (staff of the
//!   tenant, or the employee themself).
//! * Rights scoped to one selection or event are decided in app from a `Can` and the stored data:
//!   [`crate::selection::PanelMember`] (a seat on this selection's panel, from
//!   `selection::panel_member`) and [`crate::scoring::AssessorOf`] (an assessor of this event,
//!   from `scoring::assessor_of`; the sheet, saving and the meeting also check that the
//!   participant is assigned to this assessor).
//!
//! Every capability dereferences to the [`Actor`] it was granted to (tenant, login, role), and
//! only this module can make one: its fields are private.

use std::marker::PhantomData;
use std::ops::Deref;

use talenta_store::Db;

use crate::AppError;
use crate::access::{Actor, Permission, role_allows};

/// A right of the tenant, named by a type: the permission it stands for.
pub trait Right {
    /// The permission of the route registry this right is.
    const PERMISSION: Permission;
}

macro_rules! rights {
    ($($name:ident),* $(,)?) => {
        $(
            #[doc = concat!("The right [`Permission::", stringify!($name), "`] (its meaning is documented there).")]
            #[derive(Debug, Clone, Copy, PartialEq, Eq)]
            pub struct $name;
            impl Right for $name {
                const PERMISSION: Permission = Permission::$name;
            }
        )*
    };
}

// One marker type per permission of the route registry; personal ones (`ViewEmployee`,
// `ViewResults`) are granted about one employee with `About`, and `Score` / `PanelScore` are
// narrowed to one event or selection by `AssessorOf` / `PanelMember`.
rights! {
    SignedIn,
    ViewMasterData,
    EditMasterData,
    ViewEmployee,
    ViewResults,
    ViewTalentMap,
    ViewAudit,
    Score,
    ManageResults,
    ManageSelection,
    PanelScore,
    DecideSelection,
    ManageAccess,
}

/// Proof that the actor holds the right `R` in their tenant.
#[derive(Debug, Clone)]
pub struct Can<R: Right> {
    actor: Actor,
    right: PhantomData<R>,
}

impl<R: Right> Can<R> {
    /// The actor it was granted to.
    pub fn actor(&self) -> &Actor {
        &self.actor
    }
}

impl<R: Right> Deref for Can<R> {
    type Target = Actor;
    fn deref(&self) -> &Actor {
        &self.actor
    }
}

/// Proof that the actor may use the personal right `R` about the employee [`About::subject`].
#[derive(Debug, Clone)]
pub struct About<R: Right> {
    actor: Actor,
    subject: i64,
    right: PhantomData<R>,
}

impl<R: Right> About<R> {
    /// The employee it is about.
    pub fn subject(&self) -> i64 {
        self.subject
    }

    /// The actor it was granted to.
    pub fn actor(&self) -> &Actor {
        &self.actor
    }
}

impl<R: Right> Deref for About<R> {
    type Target = Actor;
    fn deref(&self) -> &Actor {
        &self.actor
    }
}

impl Actor {
    /// The capability `R`, if the actor's role holds it (an employee never holds a personal
    /// right in general: use [`Actor::grant_about`]).
    pub fn grant<R: Right>(&self) -> Result<Can<R>, AppError> {
        if self.may(R::PERMISSION, None) && !(self.is_employee() && R::PERMISSION.personal()) {
            Ok(Can {
                actor: self.clone(),
                right: PhantomData,
            })
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// The personal capability `R` about the employee `subject` of the actor's tenant (staff of
    /// the tenant, or the employee themself). An id of another tenant is unknown, for everyone.
    pub fn grant_about<R: Right>(&self, db: &mut Db, subject: i64) -> Result<About<R>, AppError> {
        if talenta_store::master::employee(db, self.tenant.id, subject)?.is_none() {
            return Err(AppError::UnknownEmployee(subject.to_string()));
        }
        if self.may(R::PERMISSION, Some(subject)) {
            Ok(About {
                actor: self.clone(),
                subject,
                right: PhantomData,
            })
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// Whether the role holds `R` (to show or hide a button; the use case still needs the
    /// capability).
    pub fn holds<R: Right>(&self) -> bool {
        role_allows(self.role, R::PERMISSION)
    }

    fn is_employee(&self) -> bool {
        self.role == crate::access::Role::Employee
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::{Credential, Role};
    use talenta_domain::master::Tenant;

    fn actor(role: Role, employee: Option<i64>) -> Actor {
        Actor {
            account_id: None,
            name: "uji".into(),
            login: "uji".into(),
            tenant: Tenant {
                id: 1,
                code: "kota-uji".into(),
                name: "Kota Uji".into(),
                rules_version: "v".into(),
            },
            role,
            employee_id: employee,
            tenants: vec![],
            credential: Credential::ApiKey,
        }
    }

    #[test]
    fn a_capability_is_granted_exactly_when_the_role_holds_the_right() {
        for role in Role::ALL {
            let a = actor(role, None);
            assert_eq!(
                a.grant::<ManageResults>().is_ok(),
                matches!(role, Role::TenantAdmin | Role::Operator),
                "{role:?}"
            );
            assert_eq!(
                a.grant::<DecideSelection>().is_ok(),
                role == Role::DecisionMaker
            );
            assert_eq!(a.grant::<Score>().is_ok(), role == Role::Assessor);
        }
    }

    #[test]
    fn an_employee_never_holds_a_personal_right_in_general() {
        let e = actor(Role::Employee, Some(7));
        assert!(matches!(e.grant::<ViewResults>(), Err(AppError::Forbidden)));
        assert!(matches!(
            e.grant::<ViewEmployee>(),
            Err(AppError::Forbidden)
        ));
        assert!(actor(Role::Operator, None).grant::<ViewResults>().is_ok());
    }
}
