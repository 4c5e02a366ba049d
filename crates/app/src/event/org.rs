//! The tenant's people, posts and unit tree as one value, for conflict checks and rosters.

use std::collections::HashMap;

use talenta_domain::conflict::Side;
use talenta_store::Db;
use talenta_store::master;

use crate::AppError;

/// The tenant's people, posts and unit tree, for conflict checks and rosters.
pub(crate) struct Org {
    pub(super) employees: HashMap<i64, talenta_domain::master::Employee>,
    pub(super) positions: HashMap<i64, talenta_domain::master::Position>,
    pub(super) units: HashMap<i64, talenta_domain::master::Unit>,
}

impl Org {
    pub(crate) fn load(db: &mut Db, tenant: i64) -> Result<Org, AppError> {
        Ok(Org {
            employees: master::list_employees(db, tenant)?
                .into_iter()
                .map(|e| (e.id, e))
                .collect(),
            positions: master::list_positions(db, tenant)?
                .into_iter()
                .map(|p| (p.id, p))
                .collect(),
            units: master::list_units(db, tenant)?
                .into_iter()
                .map(|u| (u.id, u))
                .collect(),
        })
    }

    /// The top-level unit (OPD) above a unit.
    pub(super) fn opd_of(&self, unit: i64) -> i64 {
        let mut id = unit;
        for _ in 0..=self.units.len() {
            match self.units.get(&id).and_then(|u| u.parent_id) {
                Some(p) => id = p,
                None => break,
            }
        }
        id
    }

    pub(crate) fn opd_name(&self, unit: i64) -> String {
        self.units
            .get(&self.opd_of(unit))
            .map(|u| u.name.clone())
            .unwrap_or_default()
    }

    pub(super) fn name(&self, employee: i64) -> String {
        self.employees
            .get(&employee)
            .map(|e| e.name.clone())
            .unwrap_or_default()
    }

    /// What the conflict rules need to know about an employee (nothing for an external assessor).
    pub(super) fn side(&self, employee: Option<i64>) -> Side {
        let Some(e) = employee.and_then(|id| self.employees.get(&id)) else {
            return Side::default();
        };
        let p = e.position_id.and_then(|id| self.positions.get(&id));
        Side {
            employee_id: Some(e.id),
            opd_id: p.map(|p| self.opd_of(p.unit_id)),
            position_id: p.map(|p| p.id),
            superior_position_id: p.and_then(|p| p.superior_id),
        }
    }
}
