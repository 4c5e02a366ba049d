"""Peer of `talenta-bench reports`: reportlab drawing the same one-page individual reports
(identity, JPM, a bar per competency with the standard marked, development advice) from the
report data talenta wrote, one PDF file each. Only the drawing and writing is timed (talenta's
figure also includes reading each result from the database and recording the read)."""
import json, os, sys, time
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

data = json.load(open(sys.argv[1]))
out = sys.argv[2]
os.makedirs(out, exist_ok=True)

t = time.perf_counter()
for r in data:
    c = canvas.Canvas(os.path.join(out, r["nip"].replace(" ", "") + ".pdf"), pagesize=A4)
    y = 800
    c.setFont("Helvetica-Bold", 14); c.drawString(40, y, "LAPORAN HASIL ASESMEN KOMPETENSI"); y -= 24
    c.setFont("Helvetica", 10)
    for label, value in (("Nama", r["name"]), ("NIP", r["nip"]), ("Unit kerja", r["unit"])):
        c.drawString(40, y, label); c.drawString(170, y, ": " + value); y -= 14
    if r["jpm"] is not None:
        c.drawString(40, y, "JPM jabatan saat ini"); c.drawString(170, y, ": %.2f %%" % r["jpm"]); y -= 20
    required = dict(r["required"])
    for code, tenths in r["levels"]:
        c.setFont("Helvetica", 9); c.drawString(40, y, code)
        c.setFillGray(0.93); c.rect(230, y - 2, 250, 11, stroke=0, fill=1)
        c.setFillGray(0.55); c.rect(230, y - 2, tenths / 50 * 250, 11, stroke=0, fill=1)
        if code in required:
            c.setFillGray(0); c.rect(230 + required[code] / 50 * 250 - 1, y - 4, 2, 15, stroke=0, fill=1)
        c.setFillGray(0); c.drawString(490, y, "%s" % (tenths / 10)); y -= 16
    y -= 8
    c.setFont("Helvetica", 10)
    for a in r["advice"]:
        c.drawString(50, y, "- " + a[:95]); y -= 14
    c.showPage(); c.save()
secs = time.perf_counter() - t
print(json.dumps({"seconds": secs, "pdfs": len(data)}))
