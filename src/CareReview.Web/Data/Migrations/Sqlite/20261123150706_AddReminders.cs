using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareReview.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Reminders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StaffMemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EmailedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DismissedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reminders_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Reminders_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_ChildId",
                table: "Reminders",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_CreatedAtUtc",
                table: "Reminders",
                column: "CreatedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_Kind_SubjectId_DueOn_StaffMemberId",
                table: "Reminders",
                columns: new[] { "Kind", "SubjectId", "DueOn", "StaffMemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_StaffMemberId_DismissedAtUtc",
                table: "Reminders",
                columns: new[] { "StaffMemberId", "DismissedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Reminders");
        }
    }
}
