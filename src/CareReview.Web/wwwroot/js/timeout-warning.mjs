// The GOV.UK timeout warning pattern: a modal shortly before an idle sign-in ends, with a way to stay signed in.
// Activity in another tab counts: each tab writes the time of its last request where the others can read it.
const lastRequestKey = 'care-review:last-request';

function readLastRequest() {
  try {
    return Number(window.localStorage.getItem(lastRequestKey)) || 0;
  } catch {
    return 0;
  }
}

function writeLastRequest(at) {
  try {
    window.localStorage.setItem(lastRequestKey, String(at));
  } catch {
    // Storage may be off; this tab's own timing still holds.
  }
}

function inWords(milliseconds) {
  const seconds = Math.max(0, Math.ceil(milliseconds / 1000));
  if (seconds >= 60) {
    const minutes = Math.ceil(seconds / 60);
    return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  }

  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}

export function startTimeoutWarning(dialog) {
  if (!dialog || typeof dialog.showModal !== 'function') {
    return;
  }

  const idle = Number(dialog.dataset.idleSeconds) * 1000;
  const warning = Math.min(Number(dialog.dataset.warningSeconds) * 1000, idle / 2);
  const countdown = dialog.querySelector('[data-countdown]');
  const announcement = dialog.querySelector('[data-countdown-announcement]');
  let lastRequest = Date.now();
  let lastAnnounced = 0;
  writeLastRequest(lastRequest);

  function signedOut() {
    window.clearInterval(timer);
    window.location.assign(dialog.dataset.signedOutUrl);
  }

  function tick() {
    lastRequest = Math.max(lastRequest, readLastRequest());
    const left = lastRequest + idle - Date.now();
    if (left <= 0) {
      signedOut();
      return;
    }

    if (left > warning) {
      if (dialog.open) {
        dialog.close();
      }

      return;
    }

    const words = inWords(left);
    countdown.textContent = words;
    if (!dialog.open) {
      dialog.showModal();
      lastAnnounced = 0;
    }

    // Screen readers hear the time left when the warning opens and every 20 seconds after, not every second.
    if (Date.now() - lastAnnounced >= 20000) {
      announcement.textContent = `We will sign you out in ${words}.`;
      lastAnnounced = Date.now();
    }
  }

  async function staySignedIn() {
    try {
      const response = await fetch(dialog.dataset.stayUrl, { credentials: 'same-origin', redirect: 'manual' });
      if (response.status !== 204) {
        signedOut();
        return;
      }
    } catch {
      signedOut();
      return;
    }

    lastRequest = Date.now();
    writeLastRequest(lastRequest);
    dialog.close();
  }

  dialog.querySelector('[data-stay-signed-in]').addEventListener('click', staySignedIn);

  // Escape means "stay signed in", as in the pattern: closing the warning must not leave the user to be signed out unwarned.
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    staySignedIn();
  });

  const timer = window.setInterval(tick, 1000);
}
