"""Peer of `talenta-bench import`: openpyxl (read-only streaming) + sqlite3 doing the same job
as talenta's employee import: read every row, validate the NIP (18 digits, real birth date,
month 01-12 or 21, sex 1/2, serial not 000), the name and the position code, then upsert by NIP
in one transaction. Prints JSON with the time and the number of rows stored."""
import csv, datetime, json, sqlite3, sys, time
import openpyxl

xlsx, positions_csv, db_path = sys.argv[1:4]
t0 = time.perf_counter()
with open(positions_csv, encoding="utf-8") as f:
    positions = {row["Kode Jabatan"]: i for i, row in enumerate(csv.DictReader(f), start=1)}

def valid_nip(s):
    s = s.replace(" ", "")
    if len(s) != 18 or not s.isdigit():
        return False
    try:
        datetime.date(int(s[0:4]), int(s[4:6]), int(s[6:8]))
    except ValueError:
        return False
    m = int(s[12:14])
    return (1 <= m <= 12 or m == 21) and s[14] in "12" and s[15:18] != "000"

con = sqlite3.connect(db_path)
con.execute("PRAGMA journal_mode=WAL")
con.execute("PRAGMA synchronous=NORMAL")
con.execute("""CREATE TABLE employees (id INTEGER PRIMARY KEY, tenant_id INTEGER NOT NULL, nip TEXT NOT NULL,
  name TEXT NOT NULL, sex TEXT NOT NULL, birth_date TEXT NOT NULL, employment TEXT NOT NULL, rank TEXT,
  education TEXT, position_id INTEGER, position_since TEXT, UNIQUE (tenant_id, nip))""")
wb = openpyxl.load_workbook(xlsx, read_only=True)
ws = wb.worksheets[0]
rows = ws.iter_rows(values_only=True)
header = [str(h) for h in next(rows)]
ix = {h: i for i, h in enumerate(header)}
batch, errors, seen = [], [], set()
for n, r in enumerate(rows, start=2):
    nip = str(r[ix["NIP"]] or "").replace(" ", "")
    name = (r[ix["Nama"]] or "").strip()
    pos = r[ix["Kode Jabatan"]]
    if not valid_nip(nip) or not name or nip in seen or (pos and pos not in positions):
        errors.append(n)
        continue
    seen.add(nip)
    birth = f"{nip[0:4]}-{nip[4:6]}-{nip[6:8]}"
    batch.append((1, nip, name, "L" if nip[14] == "1" else "P", birth, "PNS", r[ix["Golongan"]],
                  r[ix["Pendidikan"]], positions.get(pos), r[ix["TMT Jabatan"]]))
if not errors:
    with con:
        con.executemany("""INSERT INTO employees (tenant_id, nip, name, sex, birth_date, employment, rank,
          education, position_id, position_since) VALUES (?,?,?,?,?,?,?,?,?,?)
          ON CONFLICT (tenant_id, nip) DO UPDATE SET name = excluded.name, sex = excluded.sex,
          birth_date = excluded.birth_date, employment = excluded.employment, rank = excluded.rank,
          education = excluded.education, position_id = excluded.position_id,
          position_since = excluded.position_since""", batch)
secs = time.perf_counter() - t0
stored = con.execute("SELECT COUNT(*) FROM employees").fetchone()[0]
print(json.dumps({"seconds": secs, "rows": stored, "errors": len(errors)}))
