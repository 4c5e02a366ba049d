//! The seven kinds of import file: their columns and how each row is checked and written.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate};
use talenta_domain::competency::{CompetencyCode, CoreCompetency, Level};
use talenta_domain::eligibility::{Education, SanctionLevel};
use talenta_domain::master::Sanction;
use talenta_domain::performance::{Predikat, Rating};
use talenta_domain::position::{Eselon, PositionClass};
use talenta_domain::{EmploymentType, Golongan, Nip, Purpose, RuleSet, Sex};
use talenta_store::Db;
use talenta_store::master::{self as store, UpsertCounts};

use super::fields::{self, Col, Fields};
use super::{ImportError, ImportKind, RowError};

const fn col(header: &'static str, required: bool, hint: &'static str) -> Col {
    Col {
        header,
        aliases: &[],
        required,
        hint,
    }
}

const fn col_a(
    header: &'static str,
    aliases: &'static [&'static str],
    required: bool,
    hint: &'static str,
) -> Col {
    Col {
        header,
        aliases,
        required,
        hint,
    }
}

// Units
const U_CODE: Col = col("Kode Unit", true, "kode unik unit kerja, mis. DINKES");
const U_NAME: Col = col_a(
    "Nama Unit",
    &["Unit Kerja", "Nama OPD"],
    true,
    "nama lengkap unit kerja",
);
const U_PARENT: Col = col_a(
    "Kode Unit Induk",
    &["Induk"],
    false,
    "kode unit induk; kosong untuk OPD teratas",
);
// Positions
const P_CODE: Col = col("Kode Jabatan", true, "kode unik jabatan");
const P_NAME: Col = col("Nama Jabatan", true, "nama jabatan");
const P_CLASS: Col = col_a(
    "Kelas Jabatan",
    &["Jenis Jabatan"],
    true,
    "JPT Utama, JPT Madya, JPT Pratama, Administrator, Pengawas, Pelaksana, Fungsional Ahli Utama/Madya/Muda/Pertama, Fungsional Penyelia/Mahir/Terampil/Pemula",
);
const P_ESELON: Col = col(
    "Eselon",
    false,
    "II.a, II.b, III.a, III.b, IV.a, IV.b (jabatan struktural)",
);
const P_UNIT: Col = col("Kode Unit", true, "kode unit kerja tempat jabatan berada");
const P_SUPERIOR: Col = col_a(
    "Kode Jabatan Atasan",
    &["Atasan"],
    false,
    "kode jabatan atasan langsung",
);
// Standards
const S_POS: Col = col("Kode Jabatan", true, "kode jabatan");
const S_COMP: Col = col(
    "Kode Kompetensi",
    true,
    "M.1 ... M.8, SK.1, atau T.<kode> untuk kompetensi teknis",
);
const S_LEVEL: Col = col_a(
    "Level",
    &["Level Standar"],
    true,
    "level yang dipersyaratkan, 1 sampai 5",
);
// Employees
const E_NIP: Col = col("NIP", true, "18 digit, format kolom sebagai Teks");
const E_NAME: Col = col_a(
    "Nama",
    &["Nama Lengkap", "Nama Pegawai"],
    true,
    "nama lengkap dengan gelar",
);
const E_SEX: Col = col_a(
    "Jenis Kelamin",
    &["JK"],
    false,
    "L atau P (harus sesuai NIP)",
);
const E_BIRTH: Col = col("Tanggal Lahir", false, "TTTT-BB-HH (harus sesuai NIP)");
const E_TYPE: Col = col_a(
    "Jenis Pegawai",
    &["Status Pegawai"],
    false,
    "PNS atau PPPK (harus sesuai NIP)",
);
const E_RANK: Col = col_a(
    "Golongan",
    &["Golongan/Ruang", "Pangkat/Golongan"],
    false,
    "mis. III/a (PNS)",
);
const E_EDU: Col = col_a(
    "Pendidikan",
    &["Pendidikan Terakhir"],
    false,
    "SD, SMP, SMA, D-I, D-II, D-III, D-IV, S1, S2, S3",
);
const E_POS: Col = col("Kode Jabatan", false, "kode jabatan yang diduduki sekarang");
const E_SINCE: Col = col(
    "TMT Jabatan",
    false,
    "tanggal mulai menduduki jabatan, TTTT-BB-HH",
);
// Performance
const K_NIP: Col = col("NIP", true, "18 digit");
const K_YEAR: Col = col("Tahun", true, "tahun penilaian, mis. 2025");
const K_PRED: Col = col(
    "Predikat",
    false,
    "Sangat Baik, Baik, Butuh Perbaikan, Kurang/Misconduct, Sangat Kurang",
);
const K_SCORE: Col = col_a(
    "Nilai",
    &["Nilai SKP"],
    false,
    "nilai SKP lama (PP 46/2011) 0-100; isi Predikat atau Nilai",
);
// Sanctions
const H_NIP: Col = col("NIP", true, "18 digit");
const H_LEVEL: Col = col_a(
    "Tingkat",
    &["Tingkat Hukuman"],
    true,
    "Ringan, Sedang atau Berat",
);
const H_DATE: Col = col("Tanggal Keputusan", true, "TTTT-BB-HH");
const H_END: Col = col("Tanggal Selesai", false, "TTTT-BB-HH");
const H_DESC: Col = col("Keterangan", false, "uraian pelanggaran");
// Results
const R_NIP: Col = col("NIP", true, "18 digit");
const R_DATE: Col = col("Tanggal Asesmen", true, "TTTT-BB-HH");
const R_PROVIDER: Col = col_a(
    "Penyelenggara",
    &["Lembaga"],
    true,
    "assessment center / lembaga penyelenggara",
);
const R_PURPOSE: Col = col("Tujuan", true, "Pengisian Jabatan atau Pemetaan");
const R_CLASS: Col = col(
    "Kelas Jabatan",
    false,
    "kelas jabatan yang dinilai (mis. Pengawas, Administrator): hasil dipakai ulang hanya untuk jenjang yang sama",
);
const R_LEVELS: [Col; 9] = [
    col("M.1", false, "level capaian Integritas"),
    col("M.2", false, "level capaian Kerja Sama"),
    col("M.3", false, "level capaian Komunikasi"),
    col("M.4", false, "level capaian Orientasi pada Hasil"),
    col("M.5", false, "level capaian Pelayanan Publik"),
    col(
        "M.6",
        false,
        "level capaian Pengembangan Diri dan Orang Lain",
    ),
    col("M.7", false, "level capaian Mengelola Perubahan"),
    col("M.8", false, "level capaian Pengambilan Keputusan"),
    col("SK.1", false, "level capaian Perekat Bangsa"),
];

/// The columns of a kind.
pub fn columns(kind: ImportKind) -> Vec<Col> {
    match kind {
        ImportKind::Units => vec![U_CODE, U_NAME, U_PARENT],
        ImportKind::Positions => vec![P_CODE, P_NAME, P_CLASS, P_ESELON, P_UNIT, P_SUPERIOR],
        ImportKind::Standards => vec![S_POS, S_COMP, S_LEVEL],
        ImportKind::Employees => vec![
            E_NIP, E_NAME, E_SEX, E_BIRTH, E_TYPE, E_RANK, E_EDU, E_POS, E_SINCE,
        ],
        ImportKind::Performance => vec![K_NIP, K_YEAR, K_PRED, K_SCORE],
        ImportKind::Sanctions => vec![H_NIP, H_LEVEL, H_DATE, H_END, H_DESC],
        ImportKind::Results => {
            let mut v = vec![R_NIP, R_DATE, R_PROVIDER, R_PURPOSE, R_CLASS];
            v.extend(R_LEVELS);
            v
        }
    }
}

/// Receives the rows of one file and writes them.
pub trait Sink {
    /// Checks one row (errors go into `f`) and keeps or writes it.
    fn row(&mut self, db: &mut Db, f: &mut Fields<'_>) -> Result<(), ImportError>;
    /// Checks across rows (errors go into `errors`, which holds the file's row errors so far),
    /// then writes what is left unless the file has errors.
    fn finish(
        self: Box<Self>,
        db: &mut Db,
        errors: &mut Vec<RowError>,
    ) -> Result<UpsertCounts, ImportError>;
}

/// The sink for a kind.
pub fn sink(
    kind: ImportKind,
    db: &mut Db,
    tenant_id: i64,
    rules: &RuleSet,
    as_of: NaiveDate,
) -> Result<Box<dyn Sink>, ImportError> {
    Ok(match kind {
        ImportKind::Units => Kept::boxed(
            tenant_id,
            Units {
                seen: HashMap::new(),
            },
        ),
        ImportKind::Positions => Kept::boxed(
            tenant_id,
            Positions {
                units: store::unit_ids(db, tenant_id)?.into_keys().collect(),
                seen: HashMap::new(),
                rules: rules.clone(),
            },
        ),
        ImportKind::Standards => Kept::boxed(
            tenant_id,
            Standards {
                positions: store::position_ids(db, tenant_id)?.into_keys().collect(),
                seen: HashMap::new(),
            },
        ),
        ImportKind::Employees => Streamed::boxed(
            store::EmployeeWriter::begin(db, tenant_id)?,
            Employees {
                age_warnings: rules.nip_age_warnings.clone(),
                seen: HashMap::new(),
                as_of,
            },
        ),
        ImportKind::Performance => Streamed::boxed(
            store::RatingWriter::begin(db, tenant_id)?,
            Ratings {
                seen: HashMap::new(),
                as_of,
            },
        ),
        ImportKind::Sanctions => Kept::boxed(
            tenant_id,
            Sanctions {
                employees: store::employee_ids(db, tenant_id)?.into_keys().collect(),
                seen: HashMap::new(),
                as_of,
            },
        ),
        ImportKind::Results => Kept::boxed(
            tenant_id,
            Results {
                employees: store::employee_ids(db, tenant_id)?.into_keys().collect(),
                seen: HashMap::new(),
                as_of,
            },
        ),
    })
}

const BATCH: usize = 5000;

fn not_after(as_of: NaiveDate) -> impl Fn(&super::table::Cell) -> Result<NaiveDate, String> {
    move |c| {
        let d = fields::date(c)?;
        if d > as_of {
            Err(format!("tanggal {d} ada di masa depan"))
        } else {
            Ok(d)
        }
    }
}

/// Records a duplicate of a natural key seen on an earlier row.
fn duplicate<K: std::hash::Hash + Eq>(
    seen: &mut HashMap<K, usize>,
    key: K,
    f: &mut Fields<'_>,
    column: &str,
    value: &str,
) -> bool {
    match seen.get(&key) {
        Some(first) => {
            let first = *first;
            f.error(
                column,
                value,
                format!("duplikat: sama dengan baris {first}"),
            );
            true
        }
        None => {
            seen.insert(key, f.row);
            false
        }
    }
}

/// The parent code of every stored node, from (id, code, parent id) triples.
fn stored_tree<'a>(nodes: impl Iterator<Item = (i64, &'a str, Option<i64>)> + Clone) -> Known {
    let by_id: HashMap<i64, &str> = nodes.clone().map(|(id, code, _)| (id, code)).collect();
    nodes
        .map(|(_, code, parent)| {
            (
                code.to_string(),
                parent.and_then(|p| by_id.get(&p)).map(|c| c.to_string()),
            )
        })
        .collect()
}

/// Orders items so that each one's parent (if in the same file) comes first; reports unknown
/// parents and cycles. `known` are codes already stored, with their stored parent.
fn order_tree<T>(
    rows: Vec<(usize, T)>,
    tree: &Tree<T>,
    known: &Known,
    errors: &mut Vec<RowError>,
) -> Vec<T> {
    let (code, parent, column, what) = (tree.code, tree.parent, tree.column, tree.what);
    let in_file: HashMap<String, usize> = rows
        .iter()
        .enumerate()
        .map(|(i, (_, t))| (code(t).to_string(), i))
        .collect();
    let parent_of = |c: &str| -> Option<String> {
        match in_file.get(c) {
            Some(i) => parent(&rows[*i].1).map(str::to_string),
            None => known.get(c).cloned().flatten(),
        }
    };
    let mut bad = vec![false; rows.len()];
    for (i, (row, t)) in rows.iter().enumerate() {
        if let Some(p) = parent(t)
            && !in_file.contains_key(p)
            && !known.contains_key(p)
        {
            errors.push(RowError {
                row: *row,
                column: column.into(),
                value: p.into(),
                reason: format!(
                    "{what} '{p}' tidak ditemukan (belum ada di data maupun di berkas ini)"
                ),
            });
            bad[i] = true;
            continue;
        }
        // Walk up; a chain longer than the number of codes is a cycle.
        let mut cur = code(t).to_string();
        let limit = in_file.len() + known.len() + 1;
        for _ in 0..limit {
            match parent_of(&cur) {
                Some(p) if p == code(t) => {
                    errors.push(RowError {
                        row: *row,
                        column: column.into(),
                        value: parent(t).unwrap_or("").into(),
                        reason: format!(
                            "hubungan {what} melingkar: '{}' menjadi atasan dirinya sendiri",
                            code(t)
                        ),
                    });
                    bad[i] = true;
                    break;
                }
                Some(p) => cur = p,
                None => break,
            }
        }
    }
    if bad.iter().any(|b| *b) {
        return Vec::new();
    }
    // Depth within the file: parents first.
    let depth = |i: usize| -> usize {
        let mut d = 0;
        let mut cur = i;
        while let Some(p) = parent(&rows[cur].1) {
            match in_file.get(p) {
                Some(j) if d < rows.len() => {
                    d += 1;
                    cur = *j;
                }
                _ => break,
            }
        }
        d
    };
    let mut order: Vec<(usize, usize)> = (0..rows.len()).map(|i| (depth(i), i)).collect();
    order.sort();
    let mut slots: Vec<Option<T>> = rows.into_iter().map(|(_, t)| Some(t)).collect();
    order
        .into_iter()
        .filter_map(|(_, i)| slots[i].take())
        .collect()
}

// ---------------------------------------------------------------- kept kinds

/// What writing a file's rows gives: the counts, or why storage failed.
type Written = Result<UpsertCounts, ImportError>;

/// Every stored code of a tree kind with its stored parent code.
type Known = HashMap<String, Option<String>>;

/// A kind whose rows are kept until the file ends, then checked across rows and written at once.
trait KeptKind {
    /// What a valid row becomes.
    type Item;

    /// Checks one row (errors go into `f`); what to keep of it, taken only if the row has no error.
    fn check(&mut self, f: &mut Fields<'_>) -> Option<Self::Item>;

    /// How the kept rows hang together when they form a tree (units, positions): they are then
    /// checked for unknown parents and cycles and written parents first. `None`: as read.
    const TREE: Option<Tree<Self::Item>> = None;

    /// Writes the rows of a file that has no errors.
    fn write(&self, db: &mut Db, tenant_id: i64, items: &[Self::Item]) -> Written;
}

/// How the rows of a kind form a tree: each row names its parent by code, in the file or stored.
struct Tree<T> {
    /// Every stored code with its stored parent code.
    stored: fn(&mut Db, i64) -> Result<Known, talenta_store::StoreError>,
    /// A row's own code.
    code: fn(&T) -> &str,
    /// The code of a row's parent, if it has one.
    parent: fn(&T) -> Option<&str>,
    /// The column that holds the parent code.
    column: &'static str,
    /// What a parent is called in the errors.
    what: &'static str,
}

/// The sink of a [`KeptKind`]: the kind and the valid rows read so far, with their row numbers.
struct Kept<K: KeptKind> {
    tenant_id: i64,
    kind: K,
    rows: Vec<(usize, K::Item)>,
}

impl<K: KeptKind + 'static> Kept<K> {
    /// The sink of `kind` for a tenant.
    fn boxed(tenant_id: i64, kind: K) -> Box<dyn Sink> {
        Box::new(Kept {
            tenant_id,
            kind,
            rows: Vec::new(),
        })
    }
}

impl<K: KeptKind> Sink for Kept<K> {
    fn row(&mut self, _db: &mut Db, f: &mut Fields<'_>) -> Result<(), ImportError> {
        if let Some(item) = self.kind.check(f)
            && !f.failed()
        {
            self.rows.push((f.row, item));
        }
        Ok(())
    }

    fn finish(self: Box<Self>, db: &mut Db, errors: &mut Vec<RowError>) -> Written {
        let Kept {
            tenant_id,
            kind,
            rows,
        } = *self;
        let items = match K::TREE {
            Some(tree) => {
                let known = (tree.stored)(db, tenant_id)?;
                order_tree(rows, &tree, &known, errors)
            }
            None => rows.into_iter().map(|(_, item)| item).collect(),
        };
        if !errors.is_empty() {
            return Ok(UpsertCounts::default());
        }
        kind.write(db, tenant_id, &items)
    }
}

// ---------------------------------------------------------------- units

struct Units {
    seen: HashMap<String, usize>,
}

impl KeptKind for Units {
    type Item = store::UnitInput;

    fn check(&mut self, f: &mut Fields<'_>) -> Option<Self::Item> {
        let code = f.need(&U_CODE, fields::code);
        let name = f.need(&U_NAME, fields::text(200));
        let parent = f.opt(&U_PARENT, fields::code);
        if let Some(c) = &code {
            if duplicate(&mut self.seen, c.clone(), f, U_CODE.header, c) {
                return None;
            }
            if parent.as_deref() == Some(c.as_str()) {
                f.error(
                    U_PARENT.header,
                    c,
                    "unit tidak boleh menjadi induk dirinya sendiri",
                );
            }
        }
        Some(store::UnitInput {
            code: code?,
            name: name?,
            parent_code: parent,
        })
    }

    const TREE: Option<Tree<Self::Item>> = Some(Tree {
        stored: |db, tenant_id| {
            let units = store::list_units(db, tenant_id)?;
            Ok(stored_tree(
                units.iter().map(|u| (u.id, u.code.as_str(), u.parent_id)),
            ))
        },
        code: |u| &u.code,
        parent: |u| u.parent_code.as_deref(),
        column: U_PARENT.header,
        what: "unit induk",
    });

    fn write(&self, db: &mut Db, tenant_id: i64, items: &[Self::Item]) -> Written {
        Ok(store::upsert_units(db, tenant_id, items)?)
    }
}

// ---------------------------------------------------------------- positions

struct Positions {
    units: HashSet<String>,
    seen: HashMap<String, usize>,
    rules: RuleSet,
}

impl KeptKind for Positions {
    type Item = store::PositionInput;

    fn check(&mut self, f: &mut Fields<'_>) -> Option<Self::Item> {
        let code = f.need(&P_CODE, fields::code);
        let name = f.need(&P_NAME, fields::text(200));
        let class = f.need(
            &P_CLASS,
            fields::word(
                PositionClass::parse,
                "JPT Pratama, Administrator, Pengawas, Pelaksana, Fungsional Ahli Muda, ...",
            ),
        );
        let eselon = f.opt(
            &P_ESELON,
            fields::word(Eselon::parse, "II.a, II.b, III.a, III.b, IV.a, IV.b"),
        );
        let unit = f.need(&P_UNIT, fields::code);
        let superior = f.opt(&P_SUPERIOR, fields::code);
        if let (Some(c), Some(e)) = (class, eselon)
            && !c.allows_eselon(e)
        {
            f.error(
                P_ESELON.header,
                e.code(),
                format!(
                    "eselon {} tidak sesuai dengan kelas jabatan {}",
                    e.code(),
                    c.label()
                ),
            );
        }
        if let Some(u) = &unit
            && !self.units.contains(u)
        {
            f.error(
                P_UNIT.header,
                u,
                "unit kerja tidak ditemukan: impor unit kerja terlebih dahulu",
            );
        }
        if let Some(c) = &code
            && duplicate(&mut self.seen, c.clone(), f, P_CODE.header, c)
        {
            return None;
        }
        Some(store::PositionInput {
            code: code?,
            name: name?,
            class: class?,
            eselon,
            unit_code: unit?,
            superior_code: superior,
        })
    }

    const TREE: Option<Tree<Self::Item>> = Some(Tree {
        stored: |db, tenant_id| {
            let positions = store::list_positions(db, tenant_id)?;
            Ok(stored_tree(
                positions
                    .iter()
                    .map(|p| (p.id, p.code.as_str(), p.superior_id)),
            ))
        },
        code: |p| &p.code,
        parent: |p| p.superior_code.as_deref(),
        column: P_SUPERIOR.header,
        what: "jabatan atasan",
    });

    fn write(&self, db: &mut Db, tenant_id: i64, items: &[Self::Item]) -> Written {
        let counts = store::upsert_positions(db, tenant_id, items)?;
        // A new position starts with the default standard of its class (editable afterwards).
        let standards = store::standards(db, tenant_id)?;
        let ids = store::position_ids(db, tenant_id)?;
        let defaults: Vec<store::StandardInput> = items
            .iter()
            .filter(|p| {
                ids.get(&p.code)
                    .is_some_and(|id| !standards.contains_key(id))
            })
            .flat_map(|p| {
                let level = self.rules.default_level(p.class);
                CoreCompetency::ALL
                    .into_iter()
                    .map(move |c| store::StandardInput {
                        position_code: p.code.clone(),
                        competency: CompetencyCode::Core(c),
                        level,
                    })
            })
            .collect();
        store::upsert_standards(db, tenant_id, &defaults)?;
        Ok(counts)
    }
}

// ---------------------------------------------------------------- standards

struct Standards {
    positions: HashSet<String>,
    seen: HashMap<(String, String), usize>,
}

impl KeptKind for Standards {
    type Item = store::StandardInput;

    fn check(&mut self, f: &mut Fields<'_>) -> Option<Self::Item> {
        let pos = f.need(&S_POS, fields::code);
        let comp = f.need(&S_COMP, |c| {
            CompetencyCode::parse(&c.display()).map_err(|e| e.to_string())
        });
        let level = f.need(&S_LEVEL, fields::level);
        if let Some(p) = &pos
            && !self.positions.contains(p)
        {
            f.error(
                S_POS.header,
                p,
                "jabatan tidak ditemukan: impor jabatan terlebih dahulu",
            );
        }
        if let (Some(p), Some(c)) = (&pos, &comp)
            && duplicate(
                &mut self.seen,
                (p.clone(), c.code().to_string()),
                f,
                S_COMP.header,
                c.code(),
            )
        {
            return None;
        }
        Some(store::StandardInput {
            position_code: pos?,
            competency: comp?,
            level: level?,
        })
    }

    fn write(&self, db: &mut Db, tenant_id: i64, items: &[Self::Item]) -> Written {
        Ok(store::upsert_standards(db, tenant_id, items)?)
    }
}

// ---------------------------------------------------------------- streamed kinds

/// A store writer that takes rows in batches.
trait BatchWriter {
    /// What one row becomes.
    type Item;
    /// Writes a batch of rows.
    fn write(&mut self, db: &mut Db, items: &[Self::Item])
    -> Result<(), talenta_store::StoreError>;
    /// Ends writing and counts what was written.
    fn finish(self, db: &mut Db) -> Result<UpsertCounts, talenta_store::StoreError>;
}

/// Implements [`BatchWriter`] for a store writer by its own `write` and `finish` (a trait impl
/// per writer type, which a function cannot give).
macro_rules! batch_writer {
    ($writer:ty, $item:ty) => {
        impl BatchWriter for $writer {
            type Item = $item;
            fn write(
                &mut self,
                db: &mut Db,
                items: &[Self::Item],
            ) -> Result<(), talenta_store::StoreError> {
                <$writer>::write(self, db, items)
            }
            fn finish(self, db: &mut Db) -> Result<UpsertCounts, talenta_store::StoreError> {
                <$writer>::finish(self, db)
            }
        }
    };
}

batch_writer!(store::EmployeeWriter, store::EmployeeInput);
batch_writer!(store::RatingWriter, store::RatingInput);

/// A kind whose rows are written in batches while the file is read.
trait StreamedKind {
    /// The store writer that takes the rows.
    type Writer: BatchWriter;

    /// Checks one row (errors go into `f`) against what `writer` knows is stored; what to write
    /// of it, taken only if the row has no error.
    fn check(
        &mut self,
        writer: &Self::Writer,
        f: &mut Fields<'_>,
    ) -> Option<<Self::Writer as BatchWriter>::Item>;
}

/// Rows of a large kind, written in batches for as long as no row has failed (after that only
/// validation goes on, and the transaction is rolled back at the end).
struct Streamed<K: StreamedKind> {
    kind: K,
    writer: K::Writer,
    batch: Vec<<K::Writer as BatchWriter>::Item>,
    clean: bool,
}

impl<K: StreamedKind + 'static> Streamed<K> {
    /// The sink of `kind`, writing through `writer`.
    fn boxed(writer: K::Writer, kind: K) -> Box<dyn Sink> {
        Box::new(Streamed {
            kind,
            writer,
            batch: Vec::with_capacity(BATCH),
            clean: true,
        })
    }
}

impl<K: StreamedKind> Sink for Streamed<K> {
    /// After each row: write a full batch, or stop writing once a row failed.
    fn row(&mut self, db: &mut Db, f: &mut Fields<'_>) -> Result<(), ImportError> {
        if let Some(item) = self.kind.check(&self.writer, f)
            && !f.failed()
        {
            self.batch.push(item);
        }
        self.clean &= !f.failed();
        if !self.clean {
            self.batch.clear();
        } else if self.batch.len() >= BATCH {
            self.writer.write(db, &self.batch)?;
            self.batch.clear();
        }
        Ok(())
    }

    /// Writes the rest and counts, unless the file had errors.
    fn finish(self: Box<Self>, db: &mut Db, errors: &mut Vec<RowError>) -> Written {
        let Streamed {
            mut writer,
            batch,
            clean,
            ..
        } = *self;
        if !errors.is_empty() || !clean {
            return Ok(UpsertCounts::default());
        }
        writer.write(db, &batch)?;
        Ok(writer.finish(db)?)
    }
}

// ---------------------------------------------------------------- employees

struct Employees {
    age_warnings: talenta_domain::nip::AgeWarnings,
    seen: HashMap<u64, usize>,
    as_of: NaiveDate,
}

impl StreamedKind for Employees {
    type Writer = store::EmployeeWriter;

    fn check(&mut self, writer: &Self::Writer, f: &mut Fields<'_>) -> Option<store::EmployeeInput> {
        let nip = f.need(&E_NIP, fields::nip);
        let name = f.need(&E_NAME, fields::text(200));
        let sex = f.opt(&E_SEX, fields::word(Sex::parse, "L, P"));
        let birth = f.opt(&E_BIRTH, fields::date);
        let kind = f.opt(&E_TYPE, fields::word(EmploymentType::parse, "PNS, PPPK"));
        let rank = f.opt(&E_RANK, fields::word(Golongan::parse, "I/a ... IV/e"));
        let education = f.opt(
            &E_EDU,
            fields::word(
                Education::parse,
                "SD, SMP, SMA, D-I, D-II, D-III, D-IV, S1, S2, S3",
            ),
        );
        let position = f.opt(&E_POS, fields::code);
        let since = f.opt(&E_SINCE, not_after(self.as_of));
        if let Some(p) = &position
            && !writer.knows_position(p)
        {
            f.error(
                E_POS.header,
                p,
                "jabatan tidak ditemukan: impor jabatan terlebih dahulu",
            );
        }
        let nip = nip?;
        if duplicate(&mut self.seen, nip.as_u64(), f, E_NIP.header, &nip.digits()) {
            return None;
        }
        for w in nip.warnings(self.as_of, &self.age_warnings) {
            f.warn(E_NIP.header, &nip.digits(), w.to_string());
        }
        if let Some(s) = sex.filter(|s| *s != nip.sex()) {
            f.error(
                E_SEX.header,
                s.letter(),
                format!(
                    "tidak sesuai dengan NIP (digit ke-15 menunjukkan {})",
                    nip.sex().letter()
                ),
            );
        }
        if let Some(b) = birth.filter(|b| *b != nip.birth_date()) {
            f.error(
                E_BIRTH.header,
                &b.to_string(),
                format!("tidak sesuai dengan NIP ({})", nip.birth_date()),
            );
        }
        if let Some(k) = kind.filter(|k| *k != nip.employment_type()) {
            f.error(
                E_TYPE.header,
                k.code(),
                format!("tidak sesuai dengan NIP ({})", nip.employment_type().code()),
            );
        }
        if let (Some(g), EmploymentType::Pppk) = (rank, nip.employment_type()) {
            f.error(
                E_RANK.header,
                g.code(),
                "PPPK tidak memiliki golongan/ruang PNS; kosongkan kolom ini",
            );
        }
        if let Some(s) = since.filter(|s| s.year() < nip.appointed_year()) {
            f.error(
                E_SINCE.header,
                &s.to_string(),
                format!(
                    "sebelum TMT pengangkatan menurut NIP ({})",
                    nip.appointed_year()
                ),
            );
        }
        Some(store::EmployeeInput {
            nip,
            name: name?,
            sex: nip.sex(),
            birth_date: nip.birth_date(),
            employment: nip.employment_type(),
            rank,
            education,
            position_code: position,
            position_since: since,
        })
    }
}

// ---------------------------------------------------------------- performance

struct Ratings {
    seen: HashMap<(u64, i32), usize>,
    as_of: NaiveDate,
}

impl StreamedKind for Ratings {
    type Writer = store::RatingWriter;

    fn check(&mut self, writer: &Self::Writer, f: &mut Fields<'_>) -> Option<store::RatingInput> {
        let nip = f.need(&K_NIP, fields::nip);
        let year = f.need(&K_YEAR, fields::int_in(1980, i64::from(self.as_of.year())));
        let pred = f.opt(
            &K_PRED,
            fields::word(
                Predikat::parse,
                "Sangat Baik, Baik, Butuh Perbaikan, Kurang/Misconduct, Sangat Kurang",
            ),
        );
        let score = f.opt(&K_SCORE, fields::score);
        let rating = match (pred, score) {
            (Some(p), None) => Some(Rating::Predikat(p)),
            (None, Some(s)) => Some(Rating::Score(s)),
            (Some(_), Some(_)) => {
                f.error(
                    K_SCORE.header,
                    &f.cell(&K_SCORE).display(),
                    "isi Predikat atau Nilai, tidak keduanya",
                );
                None
            }
            (None, None) => {
                if !f.failed() {
                    f.error(
                        K_PRED.header,
                        "",
                        "isi Predikat (SKP sejak 2022) atau Nilai (SKP lama)",
                    );
                }
                None
            }
        };
        if let Some(n) = nip {
            if !writer.knows(n) {
                f.error(
                    K_NIP.header,
                    &n.digits(),
                    "pegawai dengan NIP ini belum ada: impor pegawai terlebih dahulu",
                );
            } else if let Some(y) = year {
                duplicate(
                    &mut self.seen,
                    (n.as_u64(), y as i32),
                    f,
                    K_YEAR.header,
                    &y.to_string(),
                );
            }
        }
        Some(store::RatingInput {
            nip: nip?,
            year: year? as i32,
            rating: rating?,
        })
    }
}

// ---------------------------------------------------------------- sanctions

struct Sanctions {
    employees: HashSet<String>,
    seen: HashMap<(u64, NaiveDate, SanctionLevel), usize>,
    as_of: NaiveDate,
}

fn known_employee(
    employees: &HashSet<String>,
    col: &Col,
    nip: Option<Nip>,
    f: &mut Fields<'_>,
) -> Option<Nip> {
    let n = nip?;
    if employees.contains(&n.digits()) {
        Some(n)
    } else {
        f.error(
            col.header,
            &n.digits(),
            "pegawai dengan NIP ini belum ada: impor pegawai terlebih dahulu",
        );
        None
    }
}

impl KeptKind for Sanctions {
    type Item = store::SanctionInput;

    fn check(&mut self, f: &mut Fields<'_>) -> Option<Self::Item> {
        let nip = f.need(&H_NIP, fields::nip);
        let nip = known_employee(&self.employees, &H_NIP, nip, f);
        let level = f.need(
            &H_LEVEL,
            fields::word(SanctionLevel::parse, "Ringan, Sedang, Berat"),
        );
        let decided = f.need(&H_DATE, not_after(self.as_of));
        let ends = f.opt(&H_END, fields::date);
        let desc = f.opt(&H_DESC, fields::text(500)).unwrap_or_default();
        if let (Some(d), Some(e)) = (decided, ends)
            && e < d
        {
            f.error(
                H_END.header,
                &e.to_string(),
                format!("sebelum tanggal keputusan {d}"),
            );
        }
        if let (Some(n), Some(d), Some(l)) = (nip, decided, level) {
            duplicate(
                &mut self.seen,
                (n.as_u64(), d, l),
                f,
                H_DATE.header,
                &d.to_string(),
            );
        }
        Some(store::SanctionInput {
            nip: nip?,
            sanction: Sanction {
                level: level?,
                decided_on: decided?,
                ends_on: ends,
                description: desc,
            },
        })
    }

    fn write(&self, db: &mut Db, tenant_id: i64, items: &[Self::Item]) -> Written {
        Ok(store::upsert_sanctions(db, tenant_id, items)?)
    }
}

// ---------------------------------------------------------------- results

struct Results {
    employees: HashSet<String>,
    seen: HashMap<(u64, NaiveDate, String), usize>,
    as_of: NaiveDate,
}

impl KeptKind for Results {
    type Item = store::ResultInput;

    fn check(&mut self, f: &mut Fields<'_>) -> Option<Self::Item> {
        let nip = f.need(&R_NIP, fields::nip);
        let nip = known_employee(&self.employees, &R_NIP, nip, f);
        let date = f.need(&R_DATE, not_after(self.as_of));
        let provider = f.need(&R_PROVIDER, fields::text(200));
        let purpose = f.need(
            &R_PURPOSE,
            fields::word(Purpose::parse, "Pengisian Jabatan, Pemetaan"),
        );
        let job_class = f.opt(
            &R_CLASS,
            fields::word(
                talenta_domain::PositionClass::parse,
                "JPT Pratama, Administrator, Pengawas, Pelaksana, Ahli Pertama ...",
            ),
        );
        let mut levels: Vec<(CompetencyCode, Level)> = Vec::new();
        for (c, column) in CoreCompetency::ALL.into_iter().zip(R_LEVELS.iter()) {
            if let Some(l) = f.opt(column, fields::level) {
                levels.push((CompetencyCode::Core(c), l));
            }
        }
        for (header, cell) in f
            .extra()
            .into_iter()
            .map(|(h, c)| (h, c.clone()))
            .collect::<Vec<_>>()
        {
            if cell.is_empty() {
                continue;
            }
            match (CompetencyCode::parse(&header), fields::level(&cell)) {
                (Ok(code), Ok(l)) => levels.push((code, l)),
                (Err(e), _) => f.error(&header, &cell.display(), e.to_string()),
                (_, Err(e)) => f.error(&header, &cell.display(), e),
            }
        }
        if levels.is_empty() && !f.failed() {
            f.error("M.1", "", "tidak ada level kompetensi yang diisi");
        }
        if let (Some(n), Some(d), Some(p)) = (nip, date, &provider) {
            duplicate(
                &mut self.seen,
                (n.as_u64(), d, p.clone()),
                f,
                R_DATE.header,
                &d.to_string(),
            );
        }
        Some(store::ResultInput {
            nip: nip?,
            assessed_on: date?,
            provider: provider?,
            purpose: purpose?,
            levels,
            job_class,
        })
    }

    fn write(&self, db: &mut Db, tenant_id: i64, items: &[Self::Item]) -> Written {
        Ok(store::upsert_results(db, tenant_id, items)?)
    }
}
