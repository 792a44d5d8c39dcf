using CareReview.Domain.Children;
using CareReview.Web.Auditing;
using CareReview.Web.Authorization;
using CareReview.Web.Data;
using CareReview.Web.Data.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CareReview.Web.Features.Children;

/// <summary>
/// Puts right an episode's placement details (provider, postcodes, URN) for the DfE return, without
/// recording a change of placement: the episode keeps its dates and codes.
/// </summary>
[Authorize(Policy = Policies.RecordCareEpisodes)]
public sealed class CorrectPlacementModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars)
    : ChildPageModel(db, audit, time, calendars)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public CareEpisode Episode { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int episodeId)
    {
        if (await LoadAsync(id, episodeId) is not { } episode)
        {
            return NotFound();
        }

        Input = new InputModel { Version = Child.Version };
        Input.Show(episode.Placement);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int episodeId)
    {
        if (await LoadAsync(id, episodeId) is not { } episode)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var saved = await TryApplyAsync(Input.Version, () => Child.CorrectPlacement(episode, Input.Placement),
            AuditAction.EpisodePlacementCorrected, () => $"episode:{episode.Id}");
        if (!saved)
        {
            // The record was loaded again: show this page's episode as it now is, and keep what the user typed.
            Episode = Child.Episodes.Single(e => e.Id == episodeId);
            return Page();
        }

        return BackToChild($"Placement details saved for the episode that started on {Domain.GovukDate.Format(episode.StartedOn)}");
    }

    private async Task<CareEpisode?> LoadAsync(int id, int episodeId)
    {
        if (await LoadChildAsync(id) is not { } child)
        {
            return null;
        }

        // Another child's episode is refused as that child would be: not found, and audited.
        if (child.Episodes.SingleOrDefault(e => e.Id == episodeId) is not { } episode)
        {
            await RefuseAsync($"episode:{episodeId}");
            return null;
        }

        Episode = episode;
        return episode;
    }

    public sealed class InputModel : PlacementInput
    {
        public long Version { get; set; }
    }
}
