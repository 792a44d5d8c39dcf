using CareReview.Web.Demo;
using CareReview.Web.Features.Account;
using CareReview.Web.Features.Api;
using CareReview.Web.Features.BreakGlass;
using CareReview.Web.Features.Family;
using CareReview.Web.Features.Me;
using CareReview.Web.Features.Reminders;
using CareReview.Web.Features.Research;
using CareReview.Web.Features.Ssd;
using CareReview.Web.Features.Webhooks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CareReview.Web.Hosting;

/// <summary>Everything the app registers: its database, clock, sign-ins, who may open which pages, and jobs.</summary>
public static class CareReviewServices
{
    /// <summary>
    /// Why the app must not start with these settings, or null when it may: a chosen day (Clock:Today) must be
    /// a date, and is honoured only in demo mode, so that no council's records are judged against a pretend date;
    /// in production the keys that protect sign-ins need a certificate.
    /// </summary>
    public static string? Refusal(IConfiguration configuration, IHostEnvironment environment)
    {
        DateOnly? chosenDay;
        try
        {
            chosenDay = DemonstrationClock.ChosenDay(configuration);
        }
        catch (InvalidOperationException notADate)
        {
            return notADate.Message;
        }

        return DemonstrationClock.Refusal(chosenDay, DemoModeIn(configuration))
            ?? KeyStore.Refusal(configuration, DemoModeIn(configuration), environment.IsProduction())
            ?? PublicAddress.Refusal(configuration, DemoModeIn(configuration), environment.IsProduction())
            ?? Proxies.Refusal(configuration)
            ?? ResearchSettings.Refusal(configuration)
            ?? BreakGlassSettings.Refusal(configuration);
    }

    public static void AddCareReview(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddAppDatabase(configuration);
        services.AddKeyStore(configuration);
        services.AddSingleton(PublicAddress.In(configuration));

        var chosenDay = DemonstrationClock.ChosenDay(configuration);
        services.AddSingleton<TimeProvider>(chosenDay is { } day ? new DemonstrationClock(day, TimeProvider.System) : TimeProvider.System);
        services.AddSingleton(new DemonstrationDay(chosenDay));
        services.AddSingleton<RulebookSource>();
        services.AddHttpContextAccessor();
        services.AddScoped<AuditLog>();
        services.AddReminders(configuration);
        services.AddSsdSync(configuration);
        services.AddWebhooks(configuration, builder.Environment);
        services.AddOidcSignIn(configuration);
        RateLimits.AddTo(services, configuration);
        builder.AddCareReviewApi();

        services
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
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<CareReviewClaimsFactory>()
            .AddDefaultTokenProviders();

        // A child's set-up link carries a password-reset token: it works once (the password changes the security
        // stamp) and for a week, long enough for the social worker to hand it over at a visit.
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = ChildSignIns.SetUpLinkLifetime);

        var idle = SignInSessions.IdleTimeoutIn(configuration);

        // A council's records are only ever sent over HTTPS; a demonstration may run on plain http.
        var cookiesSecure = builder.Environment.IsProduction() && !DemoModeIn(configuration)
            ? CookieSecurePolicy.Always
            : CookieSecurePolicy.SameAsRequest;
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/sign-in";
            options.LogoutPath = "/sign-out";
            options.AccessDeniedPath = "/not-found";
            options.Cookie.Name = "care-review";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = cookiesSecure;
            options.ExpireTimeSpan = idle;
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = SignInSessions.ValidateAsync;
            options.Events.OnRedirectToLogin = SignInSessions.RedirectToSignInAsync;

            // A page the user's role does not allow answers "Page not found", like a record they may not see.
            // It is audited like any other refusal.
            options.Events.OnRedirectToAccessDenied = async context =>
            {
                var services = context.HttpContext.RequestServices;
                var path = context.Request.Path.Value ?? "";
                // A page about a child is refused against that child, so the audit log's filter for them shows it.
                int? childId = path.StartsWith("/children/", StringComparison.OrdinalIgnoreCase)
                    && int.TryParse(context.HttpContext.GetRouteValue("id")?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                    ? id
                    : null;
                services.GetRequiredService<AuditLog>().Record(context.HttpContext.User, AuditAction.AccessRefused, childId,
                    $"path:{path[..Math.Min(path.Length, 400)]}");
                await services.GetRequiredService<AppDbContext>().SaveChangesAsync();
                context.Response.StatusCode = StatusCodes.Status404NotFound;
            };
        });

        // A parent or carer never holds a council sign-in: the link they open gives a short-lived cookie of its
        // own, which the staff and child pages do not read.
        services.AddAuthentication()
            .AddCookie(FamilyLink.Scheme, options =>
            {
                options.Cookie.Name = "care-review-family";
                options.Cookie.HttpOnly = true;
                // Lax, not Strict: the link is opened from an email, and a Strict cookie set on that first request
                // would not be sent on the redirect to the family page. Forms still carry anti-forgery tokens.
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = cookiesSecure;
                options.ExpireTimeSpan = FamilyLink.SessionLength;
                options.SlidingExpiration = false;
                options.LoginPath = "/invite/expired";
                options.AccessDeniedPath = "/invite/expired";
            });

        // Every page is for staff unless it says otherwise, so a child's sign-in reaches only the child's own pages.
        var staffOnly = new AuthorizationPolicyBuilder().RequireRole(Roles.Staff).Build();
        var authorization = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(staffOnly)
            .SetDefaultPolicy(staffOnly)
            .AddPolicy(Policies.SignedIn, p => p.RequireRole(Roles.All))
            .AddPolicy(Policies.Family, p => p.AddAuthenticationSchemes(FamilyLink.Scheme).RequireClaim(CareReviewClaims.InvitationId));
        foreach (var permission in Enum.GetValues<Permission>())
        {
            authorization.AddPolicy(Permissions.PolicyFor(permission), p =>
            {
                p.RequireRole(Permissions.RolesHolding(permission));
                if (permission == Permission.UseOwnPages)
                {
                    p.RequireClaim(CareReviewClaims.ChildId);
                }
            });
        }

        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Features";

            // A page about a child or an escalation opens it here, once, before any handler runs.
            options.Conventions.ConfigureFilter(new RecordFilter());
            options.Conventions.Add(new PermissionConvention());

            // Each folder's permission; a page may ask for more with [Requires].
            foreach (var (folder, permission) in FolderPermissions.ByFolder)
            {
                options.Conventions.AuthorizeFolder(folder, Permissions.PolicyFor(permission));
            }

            options.Conventions.AuthorizeFolder("/Family", Policies.Family);
        }).AddMvcOptions(options => options.ModelBinderProviders.Insert(0, new FormRows(options.ModelBinderProviders)));

        services.Configure<DemoOptions>(configuration.GetSection("Demo"));
        services.Configure<CouncilOptions>(configuration.GetSection("Council"));
        services.AddSingleton(new DemoMode(DemoModeIn(configuration)));
    }

    private static bool DemoModeIn(IConfiguration configuration) =>
        (configuration.GetSection("Demo").Get<DemoOptions>() ?? new DemoOptions()).Enabled;
}
