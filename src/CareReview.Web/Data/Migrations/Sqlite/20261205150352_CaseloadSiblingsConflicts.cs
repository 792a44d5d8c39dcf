using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareReview.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseloadSiblingsConflicts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SiblingGroupId",
                table: "Children",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MadeByStaffId",
                table: "CarePlanVersions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SiblingIroReason",
                table: "Allocation",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SiblingGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SiblingGroups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StaffConflicts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StaffMemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: true),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DeclaredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WithdrawnOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffConflicts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffConflicts_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StaffConflicts_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StaffConflicts_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Children_SiblingGroupId",
                table: "Children",
                column: "SiblingGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_CarePlanVersions_MadeByStaffId",
                table: "CarePlanVersions",
                column: "MadeByStaffId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffConflicts_ChildId",
                table: "StaffConflicts",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffConflicts_StaffMemberId",
                table: "StaffConflicts",
                column: "StaffMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffConflicts_TeamId",
                table: "StaffConflicts",
                column: "TeamId");

            migrationBuilder.AddForeignKey(
                name: "FK_CarePlanVersions_StaffMembers_MadeByStaffId",
                table: "CarePlanVersions",
                column: "MadeByStaffId",
                principalTable: "StaffMembers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Children_SiblingGroups_SiblingGroupId",
                table: "Children",
                column: "SiblingGroupId",
                principalTable: "SiblingGroups",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CarePlanVersions_StaffMembers_MadeByStaffId",
                table: "CarePlanVersions");

            migrationBuilder.DropForeignKey(
                name: "FK_Children_SiblingGroups_SiblingGroupId",
                table: "Children");

            migrationBuilder.DropTable(
                name: "SiblingGroups");

            migrationBuilder.DropTable(
                name: "StaffConflicts");

            migrationBuilder.DropIndex(
                name: "IX_Children_SiblingGroupId",
                table: "Children");

            migrationBuilder.DropIndex(
                name: "IX_CarePlanVersions_MadeByStaffId",
                table: "CarePlanVersions");

            migrationBuilder.DropColumn(
                name: "SiblingGroupId",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "MadeByStaffId",
                table: "CarePlanVersions");

            migrationBuilder.DropColumn(
                name: "SiblingIroReason",
                table: "Allocation");
        }
    }
}
