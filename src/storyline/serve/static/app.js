// storyline serve: the little the pages need a script for. Review forms send their correction to
// the JSON API (PATCH/POST, same origin) and reload the page to show it beside the machine's value;
// the add page follows its ingest job. Everything else works without this file.
"use strict";

function rememberAuthor(form) {
  const input = form.querySelector("input.author");
  if (!input) return;
  if (!input.value) input.value = localStorage.getItem("storyline-author") || "";
  input.addEventListener("change", () => localStorage.setItem("storyline-author", input.value));
}

async function send(method, url, body, out) {
  out.textContent = "saving…";
  const response = await fetch(url, {
    method, headers: {"Content-Type": "application/json"}, body: JSON.stringify(body), credentials: "same-origin",
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    out.textContent = answer.error || ("failed: " + response.status);
    out.classList.add("failed");
    return false;
  }
  out.textContent = "saved";
  return true;
}

function reviewValue(field, raw) {
  if (field === "wrong") return true;
  if (field === "source" || field === "target") return raw.split(";").map((s) => s.trim()).filter(Boolean);
  return raw.trim();
}

function wireReview(form) {
  rememberAuthor(form);
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    const field = data.get("field");
    const body = {author: data.get("author"), reason: data.get("reason"),
                  changes: {[field]: reviewValue(field, data.get("value") || "")}};
    const url = "/api/" + form.dataset.kind + "/" + encodeURIComponent(form.dataset.target);
    if (await send("PATCH", url, body, form.querySelector("output"))) location.reload();
  });
}

function wireStory(form, action) {
  rememberAuthor(form);
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    const body = {author: data.get("author"), reason: data.get("reason")};
    if (action === "split") body.members = data.getAll("members");
    else body.with = (data.get("with") || "").split(/\s+/).filter(Boolean);
    const url = "/api/story-events/" + encodeURIComponent(form.dataset.story) + "/" + action;
    if (await send("POST", url, body, form.querySelector("output"))) location.assign("/timeline");
  });
}

function followJob(box) {
  const tick = async () => {
    const response = await fetch("/api/jobs/" + encodeURIComponent(box.dataset.job));
    if (!response.ok) return;
    const job = await response.json();
    box.querySelector("progress").max = job.total || 1;
    box.querySelector("progress").value = job.read;
    box.querySelector(".job-state").textContent = job.state + ": " + job.read + " of " + job.total + " read, " +
      job.new + " new, " + job.unchanged + " unchanged, " + job.failed + " failed";
    const list = box.querySelector(".job-docs");
    list.replaceChildren(...job.documents.map((d) => {
      const li = document.createElement("li");
      if (d.id) {
        const a = document.createElement("a");
        a.href = "/documents/" + encodeURIComponent(d.id);
        a.textContent = d.name;
        li.append(a);
      } else {
        li.append(d.name);
      }
      li.append(" (" + d.status + ")");
      return li;
    }));
    const errors = box.querySelector(".job-errors");
    errors.replaceChildren(...job.errors.map((e) => { const li = document.createElement("li"); li.textContent = e; return li; }));
    if (job.state !== "done" && job.state !== "failed") setTimeout(tick, 1000);
  };
  tick();
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("form.review-form").forEach(wireReview);
  document.querySelectorAll("form.split-form").forEach((f) => wireStory(f, "split"));
  document.querySelectorAll("form.merge-form").forEach((f) => wireStory(f, "merge"));
  const job = document.getElementById("job");
  if (job) followJob(job);
});
