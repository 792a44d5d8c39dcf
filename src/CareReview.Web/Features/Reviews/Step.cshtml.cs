namespace CareReview.Web.Features.Reviews;

/// <summary>Records one step around a review (I1–I6): the date it was done, or for seeing the child alone, why not.</summary>
public sealed class StepModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars)
    : ReviewPageModel(db, audit, time, calendars)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ChecklistItem Item { get; private set; } = null!;

    public void OnGet() =>
        Input = new InputModel { Version = Child.Version, On = DateInput.From(Item.DoneOn), Reason = Review.ChildNotSeenAloneReason };

    public async Task<IActionResult> OnPostAsync(int id, int reviewId, string step)
    {
        var notSeenAlone = step == "I3" && Input.On?.IsEmpty != false && !string.IsNullOrWhiteSpace(Input.Reason);
        var on = notSeenAlone ? null : ModelState.ReadDate("Input.On", Input.On, "Date");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var review = Review;
        Action change = step switch
        {
            "I1" => () => review.RecordConsultation(on!.Value, Today),
            "I2" => () => review.RecordReportsReceived(on!.Value, Today),
            "I3" => () => review.RecordChildSeenAlone(on, Input.Reason, Today),
            "I4" => () => review.RecordParentsViewsSought(on!.Value, Today),
            "I5" => () => review.IssueDecisions(on!.Value, Today),
            _ => () => review.IssueRecord(on!.Value, Today),
        };
        var action = step switch
        {
            "I5" => AuditAction.ReviewDecisionsIssued,
            "I6" => AuditAction.ReviewRecordIssued,
            _ => AuditAction.ReviewPreparationRecorded,
        };
        var before = Item.DoneOn;
        if (!await TryApplyAsync(Input.Version, change, action,
                () => $"review:{reviewId};step:{step};was:{before?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "-"}"))
        {
            // The domain names the fields of seeing the child alone; on this page they are the date and the reason.
            MoveError("Input.ChildSeenAloneOn", "Input.On");
            MoveError("Input.ChildNotSeenAloneReason", "Input.Reason");
            return Page();
        }

        TempData["Success"] = $"Saved: {Item.Title.ToLowerInvariant()}";
        return RedirectToPage("/Reviews/Details", new { id, reviewId });
    }

    protected internal override Task<bool> AdmitsAsync()
    {
        var step = RouteData.Values["step"]?.ToString();

        // Seeing the child alone and sending out the decisions and the record are the IRO's to record.
        if (step is "I3" or "I5" or "I6" && !CanChair)
        {
            return Task.FromResult(false);
        }

        var item = ReviewChecklist.Before(Review, Today, Calendar).Concat(ReviewChecklist.After(Review, Today, Calendar))
            .SingleOrDefault(i => i.RuleId == step);
        if (item is not null)
        {
            Item = item;
        }

        return Task.FromResult(item is not null);
    }

    private void MoveError(string from, string to)
    {
        if (ModelState.TryGetValue(from, out var entry))
        {
            var messages = entry.Errors.Select(e => e.ErrorMessage).ToList();
            ModelState.Remove(from);
            foreach (var message in messages)
            {
                ModelState.AddModelError(to, message);
            }
        }
    }

    public string DueText => $"Due by {GovukDate.Format(Item.DueOn)}. {Item.Rule}.";

    public sealed class InputModel
    {
        public long Version { get; set; }
        public DateInput? On { get; set; }
        public string? Reason { get; set; }
    }
}
