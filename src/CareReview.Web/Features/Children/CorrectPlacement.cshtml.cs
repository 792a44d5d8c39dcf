namespace CareReview.Web.Features.Children;

/// <summary>
/// Puts right an episode's placement details (provider, postcodes, URN) for the DfE return, without
/// recording a change of placement: the episode keeps its dates and codes.
/// </summary>
[Requires(Permission.RecordCareEpisodes)]
public sealed class CorrectPlacementModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars)
    : ChildPageModel(db, audit, time, calendars)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public CareEpisode Episode { get; private set; } = null!;

    public void OnGet()
    {
        Input = new InputModel { Version = Child.Version };
        Input.Show(Episode.Placement);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var episode = Episode;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var saved = await TryApplyAsync(Input.Version, () => Child.CorrectPlacement(episode, Input.Placement),
            AuditAction.EpisodePlacementCorrected, () => $"episode:{episode.Id}");
        if (!saved)
        {
            // The record was loaded again, and this page's episode with it; what the user typed is kept.
            return Page();
        }

        return BackToChild($"Placement details saved for the episode that started on {Domain.GovukDate.Format(episode.StartedOn)}");
    }

    /// <summary>Another child's episode is refused as that child would be: not found, and audited.</summary>
    protected internal override Task<bool> AdmitsAsync()
    {
        var episode = Child.Episodes.SingleOrDefault(e => e.Id == EpisodeId);
        if (episode is not null)
        {
            Episode = episode;
        }

        return Task.FromResult(episode is not null);
    }

    protected internal override string RefusalDetails => $"{base.RefusalDetails};episode:{EpisodeId}";

    private int EpisodeId => int.TryParse(RouteData.Values["episodeId"]?.ToString(), out var id) ? id : 0;

    public sealed class InputModel : PlacementInput
    {
        public long Version { get; set; }
    }
}
