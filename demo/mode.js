// What the demo's API reads: the fake of Azion's API (steered by the Demo tools), or a real Azion
// account (npm start -- --azion). With a real account the tools have nothing to steer, and the page
// says, before anything else, whether "Delete account" deletes.
export async function demoMode() {
  try {
    const response = await fetch('/__demo/mode', { cache: 'no-store' });
    return response.ok ? await response.json() : { mode: 'fake' };
  } catch {
    return { mode: 'fake' };
  }
}

export function showAzionMode(mode) {
  const banner = document.querySelector('#mode-banner');
  banner.hidden = false;
  banner.classList.add(mode.deletes === 'live' ? 'live' : 'dry-run');
  banner.textContent =
    mode.deletes === 'live'
      ? "LIVE: this page reads a real Azion account, and Delete account REALLY DELETES it (the demo was started with --allow-delete)."
      : "DRY RUN: this page reads a real Azion account's checks from Azion's API. Delete account is answered as if the account were deleted, but nothing is sent to Azion.";
  for (const selector of ['#backend-controls', '#log-card', '#upstream-log-card']) {
    document.querySelector(selector).hidden = true;
  }
  const hint = document.querySelector('.tools > .hint');
  hint.textContent = "Not part of the partner's page. The API reads Azion's own: there is no fake to steer, so only the look of the panel can be changed here.";
}
