using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareReview.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChildsVoice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ParticipationMeans",
                table: "Reviews",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ParentInvitations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Relationship = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UsedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    CancelledAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParentInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ParentInvitations_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ParentInvitations_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewFeedback",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    Rating = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    GivenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FollowedUpOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FollowUpNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FollowedUpBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewFeedback", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewFeedback_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReviewFeedback_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewViews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Relationship = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    InvitationId = table.Column<int>(type: "INTEGER", nullable: true),
                    GoingWell = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NotGoingWell = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    WantToChange = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    WhoIWantThere = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    WhereAndWhen = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    TalkToIroAlone = table.Column<bool>(type: "INTEGER", nullable: true),
                    WantAdvocate = table.Column<bool>(type: "INTEGER", nullable: true),
                    WillAttend = table.Column<bool>(type: "INTEGER", nullable: true),
                    SentOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ChangedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewViews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewViews_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReviewViews_ParentInvitations_InvitationId",
                        column: x => x.InvitationId,
                        principalTable: "ParentInvitations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewViews_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ParentInvitations_ChildId",
                table: "ParentInvitations",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_ParentInvitations_ReviewId",
                table: "ParentInvitations",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_ParentInvitations_TokenHash",
                table: "ParentInvitations",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewFeedback_ChildId",
                table: "ReviewFeedback",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewFeedback_Rating_FollowedUpOn",
                table: "ReviewFeedback",
                columns: new[] { "Rating", "FollowedUpOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewFeedback_ReviewId",
                table: "ReviewFeedback",
                column: "ReviewId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewViews_ChildId",
                table: "ReviewViews",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewViews_InvitationId",
                table: "ReviewViews",
                column: "InvitationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewViews_ReviewId_Author",
                table: "ReviewViews",
                columns: new[] { "ReviewId", "Author" },
                unique: true,
                filter: "\"InvitationId\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReviewFeedback");

            migrationBuilder.DropTable(
                name: "ReviewViews");

            migrationBuilder.DropTable(
                name: "ParentInvitations");

            migrationBuilder.DropColumn(
                name: "ParticipationMeans",
                table: "Reviews");
        }
    }
}
