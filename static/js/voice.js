/* The coach's voice on the Today page: the explanation arrives word by word.
 *
 * Only when a model is configured (the server marks the check-in form with
 * data-voice-checkin): the check-in is sent to POST /api/v1/days/{date}/adapt/stream
 * and its Server-Sent Events are read from the fetch body (EventSource cannot
 * POST). token events append to the live text; done or fallback replace it with
 * the final text, then the page reloads onto the stored proposal and its thread.
 * A 4xx answer (field errors) falls back to the ordinary form submit, so the
 * server shows the errors. Without JavaScript every form works as before.
 *
 * Follow-up questions (form data-voice-ask, shown only with JavaScript) stream
 * the same way from POST /api/v1/days/{date}/threads/{id}/messages.
 */
(function () {
  "use strict";

  function csrfToken() {
    try {
      return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"] || "";
    } catch (e) {
      return "";
    }
  }

  function parseBlock(block) {
    var name = "message";
    var data = "";
    block.split("\n").forEach(function (line) {
      if (line.indexOf("event: ") === 0) name = line.slice(7);
      else if (line.indexOf("data: ") === 0) data += line.slice(6);
    });
    try {
      return { name: name, data: JSON.parse(data || "{}") };
    } catch (e) {
      return null;
    }
  }

  /* POST a JSON body and call onEvent(name, data) per event; resolves with the
   * Response when it is not an event stream (a 4xx with field errors). */
  function stream(url, body, onEvent) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        "Accept": "text/event-stream",
        "X-CSRFToken": csrfToken()
      },
      body: JSON.stringify(body)
    }).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      if (!response.ok || type.indexOf("text/event-stream") !== 0 || !response.body) {
        return response;
      }
      var reader = response.body.getReader();
      var decoder = new TextDecoder();
      var buffer = "";
      function pump() {
        return reader.read().then(function (step) {
          if (step.done) return null;
          buffer += decoder.decode(step.value, { stream: true });
          var parts = buffer.split("\n\n");
          buffer = parts.pop();
          parts.forEach(function (part) {
            var event = parseBlock(part);
            if (event) onEvent(event.name, event.data);
          });
          return pump();
        });
      }
      return pump();
    });
  }

  /* The numbers the engine did not prescribe, said next to the text. */
  function flagNote(flags) {
    var note = document.createElement("span");
    note.className = "small notice";
    note.setAttribute("data-voice-flags", "");
    note.textContent = " The coach mentioned " + flags.map(function (f) {
      return "\u201c" + f.text + "\u201d";
    }).join(", ") + ": not your prescription. The plan on this page is.";
    return note;
  }

  function checkinBody(form) {
    var body = { soreness: {} };
    new FormData(form).forEach(function (value, name) {
      if (name === "csrfmiddlewaretoken" || value === "") return;
      if (name.indexOf("sore_") === 0) body.soreness[name.slice(5)] = parseInt(value, 10);
      else if (name === "readapt") body.readapt = true;
      else if (name === "sleep_hours") body.sleep_hours = value;
      else body[name] = parseInt(value, 10);
    });
    return body;
  }

  function enhanceCheckin(form) {
    var live = document.querySelector("[data-voice-live]");
    if (!live || !window.fetch || !window.TextDecoder) return;
    var text = live.querySelector("[data-voice-text]");
    var status = live.querySelector("[data-voice-status]");
    form.addEventListener("submit", function (event) {
      if (form.dataset.voiceFallback) return; // the plain submit after a 4xx
      event.preventDefault();
      var button = form.querySelector("[type=submit]");
      if (button) button.disabled = true;
      live.hidden = false;
      text.textContent = "";
      stream(form.dataset.streamUrl, checkinBody(form), function (name, data) {
        if (name === "readiness") {
          status.textContent = "Readiness " + data.score + "/100. The coach is explaining…";
        } else if (name === "token") {
          text.textContent += data.content;
        } else if (name === "done" || name === "fallback") {
          text.textContent = data.content;
          status.textContent = name === "done" ? "" : "The coach's model is unavailable; here is Alloy's explanation.";
          live.dataset.finished = name;
          window.setTimeout(function () {
            window.location.assign(form.dataset.doneUrl);
            window.location.reload();
          }, 600);
        }
      }).then(function (response) {
        if (response && !response.ok) {
          form.dataset.voiceFallback = "1";
          form.submit();
        }
      }).catch(function () {
        form.dataset.voiceFallback = "1";
        form.submit();
      });
    });
  }

  function enhanceAsk(form) {
    if (!window.fetch || !window.TextDecoder) return;
    var list = document.querySelector("[data-voice-turns]");
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var input = form.querySelector("[name=content]");
      var question = input.value.trim();
      if (!question) return;
      list.hidden = false;
      var asked = document.createElement("li");
      asked.className = "voice-turn voice-turn--user";
      asked.textContent = "Athlete: " + question;
      var answer = document.createElement("li");
      answer.className = "voice-turn voice-turn--assistant";
      answer.setAttribute("data-voice-answer", "");
      answer.textContent = "Coach: ";
      list.appendChild(asked);
      list.appendChild(answer);
      input.value = "";
      stream(form.dataset.streamUrl, { content: question }, function (name, data) {
        if (name === "token") answer.textContent += data.content;
        else if (name === "done" || name === "fallback") {
          answer.textContent = "Coach: " + data.content;
          if (data.flags && data.flags.length) answer.appendChild(flagNote(data.flags));
          answer.dataset.finished = name;
        }
      }).then(function (response) {
        if (response && !response.ok) {
          response.json().then(function (body) {
            answer.textContent = (body.content || [body.detail || "That did not work."]).join(" ");
          });
        }
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-voice-checkin]").forEach(enhanceCheckin);
    document.querySelectorAll("form[data-voice-ask]").forEach(enhanceAsk);
  });
})();
