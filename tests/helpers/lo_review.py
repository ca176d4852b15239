"""Review .docx files the way a reviewer does in LibreOffice, through its own UNO API (run by
the system python that has the `uno` module, python3-uno): 修订 on, text replaced in the body
and in table cells, 批注 added, the file saved as .docx, and LibreOffice's own 全部接受
(.uno:AcceptAllTrackedChanges) saved beside it.

    /usr/bin/python3 lo_review.py JOBS.json

JOBS.json: {"profile": DIR, "author": NAME, "jobs": [{"in": PATH, "out": PATH, "accepted": PATH,
"replace": [[OLD, NEW], ...], "comments": [[ANCHOR, AUTHOR, TEXT], ...]}]}. One LibreOffice
process serves every job.
"""

import json
import os
import signal
import subprocess
import sys
import time
import uuid

import uno
from com.sun.star.beans import PropertyValue


def pv(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(pipe, proc):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(600):
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:
            if proc.poll() is not None:
                raise SystemExit("soffice exited before it accepted a connection")
            time.sleep(0.1)
    raise SystemExit("soffice did not accept a connection in 60 s")


def set_author(ctx, name):
    """The name LibreOffice stamps on 修订 (Tools > Options > User Data)."""
    smgr = ctx.ServiceManager
    provider = smgr.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", ctx)
    access = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationUpdateAccess", (pv("nodepath", "/org.openoffice.UserProfile/Data"),))
    access.setPropertyValue("givenname", name)
    access.setPropertyValue("sn", "")
    access.commitChanges()


def review(ctx, desktop, job):
    url = uno.systemPathToFileUrl(os.path.abspath(job["in"]))
    doc = None
    for _ in range(3):  # a profile LibreOffice is still setting up may refuse the first load
        doc = desktop.loadComponentFromURL(url, "_blank", 0, (pv("Hidden", True),))
        if doc is not None:
            break
        time.sleep(1)
    if doc is None:
        raise SystemExit(f"LibreOffice could not open {job['in']}")
    doc.RecordChanges = True
    for old, new in job.get("replace", []):
        sd = doc.createReplaceDescriptor()
        sd.SearchString, sd.ReplaceString = old, new
        if doc.replaceAll(sd) < 1:
            raise SystemExit(f"not found in {job['in']}: {old}")
    for anchor, author, text in job.get("comments", []):
        sd = doc.createSearchDescriptor()
        sd.SearchString = anchor
        found = doc.findFirst(sd)
        if found is None:
            raise SystemExit(f"comment anchor not found in {job['in']}: {anchor}")
        note = doc.createInstance("com.sun.star.text.textfield.Annotation")
        note.Author, note.Content = author, text
        cursor = found.getText().createTextCursorByRange(found)
        found.getText().insertTextContent(cursor, note, True)
    word = (pv("FilterName", "MS Word 2007 XML"), pv("Overwrite", True))
    doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(job["out"])), word)
    if job.get("accepted"):
        helper = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        helper.executeDispatch(doc.getCurrentController().getFrame(), ".uno:AcceptAllTrackedChanges", "", 0, ())
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(job["accepted"])), word)
    doc.close(True)


def main():
    spec = json.load(open(sys.argv[1], encoding="utf-8"))
    pipe = "wb" + uuid.uuid4().hex[:12]
    profile = uno.systemPathToFileUrl(os.path.abspath(spec["profile"]))
    proc = subprocess.Popen(["soffice", f"-env:UserInstallation={profile}", "--headless", "--invisible",
                             "--norestore", "--nologo", f"--accept=pipe,name={pipe};urp;"],
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)  # soffice.bin runs as a child: end the group
    try:
        ctx = connect(pipe, proc)
        set_author(ctx, spec.get("author", "审阅人"))
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        for job in spec["jobs"]:
            review(ctx, desktop, job)
        try:
            desktop.terminate()
        except Exception:  # the bridge goes away as soffice quits
            pass
        proc.wait(timeout=60)
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # whatever of LibreOffice is left, never another's
        except ProcessLookupError:
            pass
        proc.wait()


if __name__ == "__main__":
    main()
