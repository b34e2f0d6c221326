/*
 * Vaktpost web demo page. No framework, no build step. Every text from the server is set with textContent, never
 * innerHTML, so nothing a person wrote can become markup. The server renders messages into words; this file only
 * lays them out and sends button presses back as they came (action id and value untouched).
 */
'use strict';

(function () {
  const POLL_MS = 1000;
  const FOCUS_WINDOW_MS = 10000;
  const byId = (id) => document.getElementById(id);

  const state = {
    lang: readSetting('lang') === 'en' ? 'en' : 'sv',
    actor: readSetting('actor'),
    strings: {},
    cast: null,
    actions: {},
    pendingFocus: null,
    seq: 0,
  };

  const logs = {
    member: { el: byId('member-log'), address: '', version: -1, items: new Map(), composer: byId('member-text') },
    channel: { el: byId('channel-log'), address: '', version: -1, items: new Map(), composer: null },
    dm: { el: byId('dm-log'), address: '', version: -1, items: new Map(), composer: byId('dm-text') },
  };

  function readSetting(name) {
    try {
      return window.localStorage.getItem('vaktpost.web.' + name);
    } catch {
      return null;
    }
  }

  function writeSetting(name, value) {
    try {
      window.localStorage.setItem('vaktpost.web.' + name, value);
    } catch {
      // Private windows may refuse storage; the page still works, it just forgets the choice.
    }
  }

  /** A page string by key, with {name} parameters filled in. */
  function s(key, params) {
    const template = state.strings[key] || key;
    return template.replace(/\{(\w+)\}/g, (whole, name) => (params && name in params ? String(params[name]) : whole));
  }

  /** Creates an element; text only ever goes in through textContent. */
  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      node.setAttribute(name, value === true ? '' : String(value));
    }
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /**
   * A line of text; an export link of this very server (statistics chart, incident report) becomes a link. Nothing
   * else does: the text still goes in through textContent, and only a same-origin /exports/ URL gets an href.
   */
  function lineNode(text, attrs) {
    const node = el('p', attrs || {});
    const pattern = /(https?:\/\/\S+\/exports\/[A-Za-z0-9_.-]+)/g;
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      let url = null;
      try {
        url = new URL(match[1]);
      } catch {
        url = null;
      }
      if (!url || url.origin !== window.location.origin) continue;
      node.append(document.createTextNode(text.slice(last, match.index)));
      node.append(el('a', { href: url.href, target: '_blank', rel: 'noopener noreferrer' }, url.href));
      last = match.index + match[1].length;
    }
    node.append(document.createTextNode(text.slice(last)));
    return node;
  }

  function uuid() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') return window.crypto.randomUUID();
    const bytes = window.crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  function nextId(prefix) {
    state.seq += 1;
    return `${prefix}-${state.seq}`;
  }

  function showStatus(text) {
    const status = byId('status');
    status.textContent = text || '';
    status.hidden = !text;
  }

  function actorIdentity() {
    const actors = state.cast ? state.cast.actors : [];
    return actors.find((a) => a.account === state.actor) || actors[0] || null;
  }

  /** Who acts in a log: the member on the left, the chosen contact on the right. */
  function actingAccount(logKey) {
    if (logKey === 'member') return state.cast.member.account;
    const actor = actorIdentity();
    return actor ? actor.account : '';
  }

  // ---- sending ---------------------------------------------------------------------------------------------------

  /**
   * Sends one turn. The event id is made once per press, so a retry after a lost answer (or a double click that got
   * through) is recognised by the bot as the same event and changes nothing.
   */
  async function send(logKey, payload, options) {
    const body = Object.assign({ eventId: uuid(), as: actingAccount(logKey), lang: state.lang }, payload);
    if (logKey === 'channel') body.channel = state.cast.district.id;
    if (!options || !options.quiet) {
      state.pendingFocus = { origin: logKey, until: Date.now() + FOCUS_WINDOW_MS, from: document.activeElement };
    }
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        const response = await fetch('/web/turn', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
        if (response.ok) {
          showStatus('');
        } else {
          const answer = await response.json().catch(() => ({}));
          showStatus(answer.error || s('web.error.send'));
        }
        break;
      } catch {
        if (attempt === 1) showStatus(s('web.error.send'));
      }
    }
    await refreshAll();
  }

  /** Runs a send with the pressed control disabled meanwhile, so one press is one turn. */
  async function pressing(control, work) {
    if (control.disabled) return;
    control.disabled = true;
    try {
      await work();
    } finally {
      control.disabled = false;
    }
  }

  // ---- rendering -------------------------------------------------------------------------------------------------

  function renderFields(fields) {
    const list = el('dl');
    for (const field of fields) {
      list.append(el('dt', {}, field.label), el('dd', {}, field.value));
    }
    return list;
  }

  function renderButton(logKey, button, extraClass) {
    const classes = [button.style || '', extraClass || ''].join(' ').trim();
    const node = el('button', { type: 'button', class: classes || undefined }, button.label);
    if (!button.input) {
      node.addEventListener('click', () =>
        pressing(node, () => send(logKey, { action: { id: button.id, value: button.value }, echo: button.label })),
      );
      return node;
    }
    const formId = nextId('form');
    node.setAttribute('aria-expanded', 'false');
    node.setAttribute('aria-controls', formId);
    node.addEventListener('click', () => toggleInputForm(logKey, node, button, formId));
    return node;
  }

  /** A button that needs a note, a reason or a successor opens a small form under its row of buttons. */
  function toggleInputForm(logKey, trigger, button, formId) {
    const existing = byId(formId);
    if (existing) {
      existing.remove();
      trigger.setAttribute('aria-expanded', 'false');
      return;
    }
    const input = button.input;
    const form = el('form', { id: formId, class: 'inline-form' });
    const fieldId = nextId('field');
    form.append(el('label', { for: fieldId }, input.label));
    let field;
    if (input.choices) {
      field = el('select', { id: fieldId, required: input.required });
      for (const choice of input.choices) field.append(el('option', { value: choice.value }, choice.label));
    } else if ((input.maxLength || 0) > 300) {
      field = el('textarea', { id: fieldId, rows: 2, maxlength: input.maxLength, required: input.required });
    } else {
      field = el('input', { id: fieldId, type: 'text', maxlength: input.maxLength, required: input.required });
    }
    form.append(field);
    submitOnEnter(field, form);
    const row = el('div', { class: 'buttons' });
    const confirm = el('button', { type: 'submit', class: button.style || 'primary' }, s('web.confirm'));
    const cancel = el('button', { type: 'button' }, s('web.cancel'));
    row.append(confirm, cancel);
    form.append(row);
    cancel.addEventListener('click', () => {
      form.remove();
      trigger.setAttribute('aria-expanded', 'false');
      trigger.focus();
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const value = field.value.trim();
      if (input.required && !value) return field.focus();
      const shown = input.choices ? field.options[field.selectedIndex].textContent : value;
      const action = { id: button.id, value: button.value };
      if (value) action.input = value;
      pressing(confirm, () => send(logKey, { action, echo: shown ? `${button.label}: ${shown}` : button.label }));
    });
    trigger.closest('.buttons').after(form);
    trigger.setAttribute('aria-expanded', 'true');
    field.focus();
  }

  function renderButtons(logKey, buttons, label, extraClass) {
    const row = el('div', { class: 'buttons', role: 'group', 'aria-label': label });
    for (const button of buttons) row.append(renderButton(logKey, button, extraClass));
    return row;
  }

  function renderQuestion(logKey, message, questionTextId) {
    const q = message.question;
    const parts = [];
    if (q.input === 'multi') {
      const form = el('form', { class: 'answer-form' });
      const group = el('fieldset', { 'aria-labelledby': questionTextId });
      const boxes = [];
      for (const option of q.options) {
        const id = nextId('opt');
        const box = el('input', { type: 'checkbox', id, value: option.value });
        boxes.push({ box, label: option.label });
        const row = el('div', { class: 'check' });
        row.append(box, el('label', { for: id }, option.label));
        group.append(row);
      }
      const ok = el('button', { type: 'submit', class: 'primary' }, q.ok.label);
      const row = el('div', { class: 'buttons' });
      row.append(ok);
      form.append(el('p', { class: 'hint' }, s('web.multi.hint')), group, row);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        const chosen = boxes.filter((b) => b.box.checked);
        const action = { id: q.ok.id, value: q.ok.value, values: chosen.map((b) => b.box.value) };
        pressing(ok, () => send(logKey, { action, echo: chosen.map((b) => b.label).join(', ') || q.ok.label }));
      });
      parts.push(form);
    } else if (q.input === 'datetime') {
      const form = el('form', { class: 'answer-form' });
      const dateId = nextId('date');
      const timeId = nextId('time');
      const row = el('div', { class: 'field-row' });
      const dateWrap = el('div');
      const date = el('input', { type: 'date', id: dateId, required: true, max: localDate() });
      dateWrap.append(el('label', { for: dateId }, s('web.datetime.date')), date);
      const timeWrap = el('div');
      const time = el('input', { type: 'time', id: timeId });
      timeWrap.append(el('label', { for: timeId }, s('web.datetime.time')), time);
      const ok = el('button', { type: 'submit', class: 'primary' }, q.ok.label);
      row.append(dateWrap, timeWrap, ok);
      form.append(el('p', { class: 'hint' }, s('web.datetime.hint')), row);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        if (!date.value) return date.focus();
        const when = time.value ? `${date.value} ${time.value}` : date.value;
        const action = { id: q.ok.id, value: q.ok.value, values: [when] };
        pressing(ok, () => send(logKey, { action, echo: when }));
      });
      parts.push(form);
    } else if (q.input === 'text') {
      parts.push(el('p', { class: 'hint' }, s('web.text.hint')));
    } else if (q.input === 'attachments') {
      parts.push(el('p', { class: 'hint' }, s('web.files.hint')));
    }
    if (message.buttons.length > 0) parts.push(renderButtons(logKey, message.buttons, s('web.answers')));
    if (q.controls.length > 0) parts.push(renderButtons(logKey, q.controls, s('web.controls'), 'control'));
    return parts;
  }

  function localDate() {
    const now = new Date();
    const pad = (n) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }

  function renderMessage(logKey, message) {
    const classes = ['msg', `kind-${message.kind}`, `tone-${message.tone}`];
    if (message.kind === 'echo') classes.push('echo');
    const article = el('article', { class: classes.join(' '), tabindex: '-1' });
    article.dataset.id = String(message.id);
    article.dataset.rev = String(message.rev);
    if (message.question) article.dataset.input = message.question.input;
    if (message.kind === 'echo') {
      article.append(el('p', { class: 'author' }, s('web.you')));
      for (const line of message.lines) article.append(el('p', {}, line));
      return article;
    }
    const titleId = nextId('title');
    if (message.title) {
      article.append(el('h4', { id: titleId }, message.title));
      article.setAttribute('aria-labelledby', titleId);
    }
    if (message.question && message.question.progress) {
      article.append(el('p', { class: 'progress' }, message.question.progress));
    }
    const textId = nextId('text');
    message.lines.forEach((line, index) => article.append(lineNode(line, { id: index === 0 ? textId : undefined })));
    if (message.question && message.question.hint) article.append(el('p', { class: 'hint' }, message.question.hint));
    if (message.fields.length > 0) article.append(renderFields(message.fields));
    if (message.question) {
      for (const part of renderQuestion(logKey, message, textId)) article.append(part);
      return article;
    }
    for (const section of message.sections) {
      const block = el('section');
      if (section.heading) block.append(el('h5', {}, section.heading));
      if (section.fields.length > 0) block.append(renderFields(section.fields));
      for (const line of section.lines) block.append(lineNode(line));
      if (section.buttons.length > 0) block.append(renderButtons(logKey, section.buttons, section.heading || ''));
      article.append(block);
    }
    if (message.buttons.length > 0) article.append(renderButtons(logKey, message.buttons, message.title || ''));
    return article;
  }

  /** Older questions stay readable but cannot be answered twice by mistake; the newest one is live. */
  function markStaleQuestions(log) {
    const articles = Array.from(log.el.querySelectorAll('article.msg'));
    let newerPrompt = false;
    for (let i = articles.length - 1; i >= 0; i -= 1) {
      const article = articles[i];
      const isQuestion = article.classList.contains('kind-question');
      if (isQuestion && newerPrompt) {
        article.classList.add('stale');
        for (const control of article.querySelectorAll('button, input')) control.disabled = true;
      }
      if (isQuestion || article.classList.contains('kind-card')) newerPrompt = true;
    }
  }

  /** Applies the server's list to a log: new entries appended, replaced ones (update key) redrawn in place. */
  function applyMessages(logKey, messages) {
    const log = logs[logKey];
    let appended = false;
    const changed = [];
    const keep = new Set(messages.map((m) => String(m.id)));
    for (const [id, item] of log.items) {
      if (!keep.has(id)) {
        item.node.remove();
        log.items.delete(id);
      }
    }
    const placeholder = log.el.querySelector('.empty');
    if (messages.length === 0 && !placeholder) log.el.append(el('p', { class: 'empty' }, s('web.empty')));
    if (messages.length > 0 && placeholder) placeholder.remove();
    for (const message of messages) {
      const id = String(message.id);
      const item = log.items.get(id);
      if (item && item.rev === message.rev) continue;
      const node = renderMessage(logKey, message);
      if (item) {
        const hadFocus = item.node.contains(document.activeElement);
        item.node.replaceWith(node);
        if (hadFocus) node.focus();
      } else {
        log.el.append(node);
        appended = true;
      }
      log.items.set(id, { rev: message.rev, node });
      changed.push(node);
    }
    markStaleQuestions(log);
    // New entries scroll into view, as in any chat; focus may then move to the one that asks something.
    if (appended) log.el.scrollTop = log.el.scrollHeight;
    return changed;
  }

  function resetLog(logKey, address) {
    const log = logs[logKey];
    log.address = address;
    log.version = -1;
    log.items.clear();
    log.el.replaceChildren();
  }

  // ---- polling and focus -----------------------------------------------------------------------------------------

  async function refresh(logKey) {
    const log = logs[logKey];
    if (!log.address) return [];
    const address = log.address;
    const query = new URLSearchParams({ address, lang: state.lang });
    if (log.version >= 0) query.set('since', String(log.version));
    const response = await fetch(`/web/messages?${query}`, { cache: 'no-store' });
    if (!response.ok) throw new Error(`messages: ${response.status}`);
    const answer = await response.json();
    if (address !== log.address || answer.unchanged) return [];
    log.version = answer.version;
    return applyMessages(logKey, answer.messages);
  }

  let refreshing = null;
  function refreshAll() {
    if (!refreshing) {
      refreshing = (async () => {
        try {
          const changed = {};
          for (const key of Object.keys(logs)) {
            changed[key] = await refresh(key);
            placeFocus(changed);
          }
          if (byId('status').textContent === s('web.error.offline')) showStatus('');
        } catch {
          showStatus(s('web.error.offline'));
        } finally {
          refreshing = null;
        }
      })();
    }
    return refreshing;
  }

  function hasLiveControls(node) {
    return !!node.querySelector('button:not(:disabled), input:not(:disabled), select:not(:disabled)');
  }

  /**
   * After a person acts, focus moves to what answers them: the newest question or card with buttons (for a case taken
   * in the channel, the case view in the private conversation), otherwise the newest message. A text question sends
   * focus to the text box. Focus is never taken back once the person has moved it themselves.
   */
  function placeFocus(changed) {
    const pending = state.pendingFocus;
    if (!pending) return;
    const active = document.activeElement;
    const untouched = !active || active === document.body || active === pending.from || active === pending.focused;
    if (Date.now() > pending.until || !untouched) {
      state.pendingFocus = null;
      return;
    }
    const order = pending.origin === 'channel' ? ['channel', 'dm'] : [pending.origin];
    let live = null;
    let plain = null;
    for (const key of order) {
      for (const node of changed[key] || []) {
        if (node.classList.contains('echo')) continue;
        if (hasLiveControls(node) || node.dataset.input === 'text') live = { key, node };
        else if (key === pending.origin) plain = { key, node };
      }
    }
    const target = live || plain;
    if (!target) return;
    const composer = logs[target.key].composer;
    if (target.node.dataset.input === 'text' && composer) composer.focus();
    else reveal(logs[target.key], target.node);
    if (live) state.pendingFocus = null;
    else pending.focused = document.activeElement;
  }

  /** Focuses a message and shows it from its start (a case view is taller than its log). */
  function reveal(log, node) {
    node.focus({ preventScroll: true });
    if (log.el.scrollHeight > log.el.clientHeight) {
      log.el.scrollTop += node.getBoundingClientRect().top - log.el.getBoundingClientRect().top - 8;
    }
    const top = node.getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight - 80) window.scrollBy(0, top - 16);
  }

  function poll() {
    refreshAll().finally(() => window.setTimeout(poll, POLL_MS));
  }

  // ---- page chrome -----------------------------------------------------------------------------------------------

  async function loadDemo() {
    const response = await fetch(`/web/demo?lang=${state.lang}`, { cache: 'no-store' });
    const answer = await response.json();
    state.strings = answer.strings;
    state.cast = answer.cast;
    state.actions = answer.actions;
  }

  function applyChrome() {
    document.documentElement.lang = state.lang;
    document.title = s('web.title');
    for (const node of document.querySelectorAll('[data-t]')) node.textContent = s(node.dataset.t);
    for (const button of document.querySelectorAll('button.lang')) {
      button.setAttribute('aria-pressed', String(button.dataset.lang === state.lang));
    }
    const cast = state.cast;
    byId('member-heading').textContent = s('web.member.heading', { name: cast.member.name });
    byId('member-log').setAttribute('aria-label', s('web.member.log', { name: cast.member.name }));
    byId('start-report').textContent = s('web.member.start');
    byId('contacts-heading').textContent = s('web.contacts.heading', { district: cast.district.name });
    byId('channel-heading').textContent = s('web.channel.heading', { district: cast.district.name });
    byId('channel-log').setAttribute('aria-labelledby', 'channel-heading');
    byId('dm-log').setAttribute('aria-labelledby', 'dm-heading');
    renderActors();
    applyActor();
  }

  function roleLabel(actor) {
    if (actor.role === 'contact') return s('web.role.contact', { district: state.cast.district.name });
    return s(`web.role.${actor.role}`);
  }

  function renderActors() {
    const fieldset = byId('actors');
    for (const label of fieldset.querySelectorAll('label')) label.remove();
    const current = actorIdentity();
    for (const actor of state.cast.actors) {
      const id = `actor-${actor.account}`;
      const radio = el('input', { type: 'radio', name: 'actor', id, value: actor.account });
      radio.checked = !!current && current.account === actor.account;
      radio.addEventListener('change', () => {
        if (!radio.checked) return;
        state.actor = actor.account;
        writeSetting('actor', actor.account);
        applyActor();
        refreshAll();
      });
      const label = el('label', { for: id });
      label.append(radio, document.createTextNode(`${actor.name} – ${roleLabel(actor)}`));
      fieldset.append(label);
    }
  }

  function applyActor() {
    const actor = actorIdentity();
    if (!actor) return;
    state.actor = actor.account;
    byId('dm-heading').textContent = s('web.dm.heading', { name: actor.name });
    byId('dm-intro').textContent = s('web.dm.intro', { name: actor.name });
    byId('dm-text-label').textContent = s('web.dm.composer.label', { name: actor.name });
    if (logs.dm.address !== actor.address) resetLog('dm', actor.address);
  }

  async function setLanguage(lang) {
    if (lang === state.lang) return;
    state.lang = lang;
    writeSetting('lang', lang);
    await loadDemo();
    applyChrome();
    // The channel is drawn in the reader's language; the conversations follow once the bot is told.
    resetLog('channel', state.cast.district.address);
    const action = { id: state.actions.language, value: lang };
    await send('member', { action }, { quiet: true });
    await send('dm', { action }, { quiet: true });
  }

  function wireComposer(logKey, formId, textId, filesId) {
    const form = byId(formId);
    const text = byId(textId);
    const files = filesId ? byId(filesId) : null;
    const submit = form.querySelector('button[type="submit"]');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const typed = text.value;
      const chosen = files ? Array.from(files.files, (f) => ({ name: f.name, type: f.type || undefined })) : [];
      if (!typed.trim() && chosen.length === 0) return text.focus();
      const payload = {};
      if (typed.trim()) payload.text = typed;
      if (chosen.length > 0) payload.files = chosen;
      payload.echo = [typed.trim(), chosen.map((f) => f.name).join(', ')].filter(Boolean).join('\n');
      text.value = '';
      if (files) files.value = '';
      pressing(submit, () => send(logKey, payload));
    });
    submitOnEnter(text, form);
  }

  /** Enter sends, Shift+Enter starts a new line: as in most chats. */
  function submitOnEnter(field, form) {
    if (field.tagName !== 'TEXTAREA') return;
    field.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
  }

  async function main() {
    await loadDemo();
    if (!state.cast) {
      showStatus(s('web.error.no_cast'));
      return;
    }
    applyChrome();
    resetLog('member', state.cast.member.address);
    resetLog('channel', state.cast.district.address);
    resetLog('dm', actorIdentity().address);
    for (const button of document.querySelectorAll('button.lang')) {
      button.addEventListener('click', () => setLanguage(button.dataset.lang));
    }
    const start = byId('start-report');
    start.addEventListener('click', () =>
      pressing(start, () =>
        send('member', { action: { id: state.actions.startReport, value: '' }, echo: start.textContent }),
      ),
    );
    wireComposer('member', 'member-form', 'member-text', 'member-files');
    wireComposer('dm', 'dm-form', 'dm-text', null);
    document.body.dataset.ready = 'true';
    poll();
  }

  main().catch(() => showStatus(s('web.error.offline')));
})();
