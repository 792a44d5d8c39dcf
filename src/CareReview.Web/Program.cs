using CareReview.Web;
using CareReview.Web.Auditing;
using CareReview.Web.Authorization;
using CareReview.Web.Data;
using CareReview.Web.Data.Entities;
using CareReview.Web.Features.Admin;
using CareReview.Web.Features.AnnualReport;
using CareReview.Web.Features.Deadlines;
using CareReview.Web.Features.Demo;
using CareReview.Web.Features.Family;
using CareReview.Web.Features.Me;
using CareReview.Web.Features.Reminders;
using CareReview.Web.Features.Returns;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.FileProviders;

var builder = WebApplication.CreateBuilder(args);
var provider = builder.Services.AddAppDatabase(builder.Configuration);
var demo = builder.Configuration.GetSection("Demo").Get<DemoOptions>() ?? new DemoOptions();
var demoMode = demo.IsEnabledFor(provider);

// A chosen day (Clock:Today) is honoured only in demo mode; on real records the app refuses to start with one.
var chosenDay = DemonstrationClock.ChosenDay(builder.Configuration);
if (DemonstrationClock.Refusal(chosenDay, demoMode) is { } refusal)
{
    await Console.Error.WriteLineAsync(refusal);
    return 1;
}

builder.Services.AddSingleton<TimeProvider>(chosenDay is { } day ? new DemonstrationClock(day, TimeProvider.System) : TimeProvider.System);
builder.Services.AddSingleton(new DemonstrationDay(chosenDay));
builder.Services.AddSingleton<RulebookSource>();
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<AuditLog>();
builder.Services.AddReminders(builder.Configuration);

builder.Services
    .AddIdentity<AppUser, IdentityRole>(options =>
    {
        // Length over composition rules, as the NCSC advises for passwords.
        options.Password.RequiredLength = 12;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
        options.User.RequireUniqueEmail = false;
    })
    .AddEntityFrameworkStores<AppDbContext>()
    .AddClaimsPrincipalFactory<CareReviewClaimsFactory>()
    .AddDefaultTokenProviders();

// A child's set-up link carries a password-reset token: it works once (the password changes the security
// stamp) and for a week, long enough for the social worker to hand it over at a visit.
builder.Services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = ChildSignIns.SetUpLinkLifetime);

builder.Services.ConfigureApplicationCookie(options =>
{
    options.LoginPath = "/sign-in";
    options.LogoutPath = "/sign-out";
    options.AccessDeniedPath = "/not-found";
    options.Cookie.Name = "care-review";
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Strict;
    options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    options.ExpireTimeSpan = TimeSpan.FromHours(8);
    options.SlidingExpiration = true;

    // A page the user's role does not allow answers "Page not found", like a record they may not see.
    // It is audited like any other refusal.
    options.Events.OnRedirectToAccessDenied = async context =>
    {
        var services = context.HttpContext.RequestServices;
        var path = context.Request.Path.Value ?? "";
        services.GetRequiredService<AuditLog>().Record(context.HttpContext.User, AuditAction.AccessRefused, null,
            $"path:{path[..Math.Min(path.Length, 400)]}");
        await services.GetRequiredService<AppDbContext>().SaveChangesAsync();
        context.Response.StatusCode = StatusCodes.Status404NotFound;
    };
});

// A parent or carer never holds a council sign-in: the link they open gives a short-lived cookie of its
// own, which the staff and child pages do not read.
builder.Services.AddAuthentication()
    .AddCookie(FamilyLink.Scheme, options =>
    {
        options.Cookie.Name = "care-review-family";
        options.Cookie.HttpOnly = true;
        // Lax, not Strict: the link is opened from an email, and a Strict cookie set on that first request
        // would not be sent on the redirect to the family page. Forms still carry anti-forgery tokens.
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = FamilyLink.SessionLength;
        options.SlidingExpiration = false;
        options.LoginPath = "/invite/expired";
        options.AccessDeniedPath = "/invite/expired";
    });

// Every page is for staff unless it says otherwise, so a child's sign-in reaches only the child's own pages.
var staffOnly = new AuthorizationPolicyBuilder().RequireRole(Roles.Staff).Build();
builder.Services.AddAuthorizationBuilder()
    .SetFallbackPolicy(staffOnly)
    .SetDefaultPolicy(staffOnly)
    .AddPolicy(Policies.Staff, staffOnly)
    .AddPolicy(Policies.SignedIn, p => p.RequireRole(Roles.All))
    .AddPolicy(Policies.Child, p => p.RequireRole(Roles.Child).RequireClaim(CareReviewClaims.ChildId))
    .AddPolicy(Policies.Family, p => p.AddAuthenticationSchemes(FamilyLink.Scheme).RequireClaim(CareReviewClaims.InvitationId))
    .AddPolicy(Policies.IroManager, p => p.RequireRole(Roles.IroManager))
    .AddPolicy(Policies.Research, p => p.RequireRole(Roles.Researcher, Roles.IroManager))
    .AddPolicy(Policies.Administrator, p => p.RequireRole(Roles.Administrator))
    .AddPolicy(Policies.RecordCareEpisodes, p => p.RequireRole(Roles.IroManager, Roles.TeamManager))
    .AddPolicy(Policies.CarePlanning, p => p.RequireRole(Roles.SocialWorker, Roles.TeamManager))
    .AddPolicy(Policies.Managers, p => p.RequireRole(Roles.IroManager, Roles.TeamManager, Roles.Administrator))
    .AddPolicy(Policies.Respondents, p => p.RequireRole(Roles.TeamManager, Roles.SeniorManager))
    .AddPolicy(Policies.CaseWork, p => p.RequireRole(Roles.Iro, Roles.IroManager, Roles.SocialWorker, Roles.TeamManager));

builder.Services.AddRazorPages(options =>
{
    options.RootDirectory = "/Features";
    options.Conventions.AuthorizeFolder("/Caseload", Policies.CaseWork);
    options.Conventions.AuthorizeFolder("/Children", Policies.CaseWork);
    options.Conventions.AuthorizeFolder("/Voice", Policies.CaseWork);
    options.Conventions.AuthorizeFolder("/CarePlans", Policies.CaseWork);
    options.Conventions.AuthorizeFolder("/Deadlines", Policies.CaseWork);
    options.Conventions.AuthorizeFolder("/Rules", Policies.Managers);
    options.Conventions.AuthorizeFolder("/Audit", Policies.IroManager);
    options.Conventions.AuthorizeFolder("/Returns", Policies.IroManager);
    options.Conventions.AuthorizeFolder("/Research", Policies.Research);
    options.Conventions.AuthorizeFolder("/Admin", Policies.Administrator);
    options.Conventions.AuthorizeFolder("/Me", Policies.Child);
    options.Conventions.AuthorizeFolder("/Family", Policies.Family);
});

builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection("Demo"));
builder.Services.Configure<CouncilOptions>(builder.Configuration.GetSection("Council"));
builder.Services.AddSingleton(new DemoMode(demoMode));

var app = builder.Build();

if (args.Length > 0 && args[0] == CreateAdministratorCommand.Name)
{
    return await CreateAdministratorCommand.RunAsync(app.Services, args[1..]);
}

await using (var scope = app.Services.CreateAsyncScope())
{
    // The embedded SQLite install migrates itself; production PostgreSQL is migrated the same way
    // unless Database:MigrateAtStartup is false (then run the migration bundle at deploy).
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    if (app.Configuration.GetValue("Database:MigrateAtStartup", true))
    {
        await db.Database.MigrateAsync();
    }

    // A release may bring a new role (the child's own sign-in did), so every role is made sure of here.
    await CreateAdministratorCommand.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());

    var rules = app.Services.GetRequiredService<RulebookSource>();
    await rules.LoadAsync(db);
    await DemoSeeder.SeedIfEnabledAsync(scope.ServiceProvider, provider);

    // A release may carry a changed rule catalogue, so stored deadlines are brought up to date.
    await DeadlineRecalculation.RecalculateAllAsync(db, app.Services.GetRequiredService<TimeProvider>().TodayInEngland(), rules.Rules);
}

// Commands a council can script run against the same database, migrated and (in demo mode) seeded above.
if (args.Length > 0 && args[0] == AnnualReportCommand.Name)
{
    return await AnnualReportCommand.RunAsync(app.Services, args[1..]);
}

if (args.Length > 0 && args[0] == ExportReturnCommand.Name)
{
    return await ExportReturnCommand.RunAsync(app.Services, args[1..]);
}

if (args.Length > 0 && args[0] == ImportReturnCommand.Name)
{
    return await ImportReturnCommand.RunAsync(app.Services, args[1..]);
}

if (args.Length > 0 && args[0] == AnnexACommand.Name)
{
    return await AnnexACommand.RunAsync(app.Services, args[1..]);
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
}

app.UseStatusCodePagesWithReExecute("/not-found");
app.Use(async (context, next) =>
{
    var headers = context.Response.Headers;
    headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
    headers.XContentTypeOptions = "nosniff";
    headers["Referrer-Policy"] = "no-referrer";
    headers.XFrameOptions = "DENY";
    // Case records must not sit in shared or browser caches.
    headers.CacheControl = "no-store";
    await next();
});

app.UseStaticFiles();
app.UseStaticFiles(new StaticFileOptions
{
    // GOV.UK Frontend's stylesheet asks for its fonts and images under /assets.
    FileProvider = new PhysicalFileProvider(Path.Combine(app.Environment.WebRootPath, "govuk", "assets")),
    RequestPath = "/assets",
});
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.MapRazorPages();

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
