// While an SSD sync runs, keeps its progress line up to date (a status region, so screen readers hear it
// politely). When the run ends it says so and stops; the Refresh link beside it shows what the run did, and is
// how the page works without script too. The page is not reloaded by itself, so no one loses their place.
const line = document.querySelector('[data-ssd-progress]');

if (line) {
  const url = line.dataset.ssdProgress;
  const timer = window.setInterval(async () => {
    let progress;
    try {
      const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' }, redirect: 'manual' });
      if (!response.ok) {
        // Signed out, or the server is away: stop asking; the Refresh link still works.
        window.clearInterval(timer);
        return;
      }

      progress = await response.json();
    } catch {
      window.clearInterval(timer);
      return;
    }

    if (line.textContent !== progress.text) {
      line.textContent = progress.text;
    }

    if (!progress.running) {
      window.clearInterval(timer);
    }
  }, 2000);
}
